import MarketData
/// Typed reads of CSV cells, each failure naming file, line and field.
extension CSVTable {
    public func number(_ row: Row, _ column: Int) throws(InputError) -> Double {
        let text = row.cells[column].trimmingSpaces()
        guard let value = Double(text), !text.isEmpty else {
            throw InputError(
                file: file, line: row.line, field: header[column],
                message: text.isEmpty ? "empty cell, expected a number" : "not a number: '\(text)'")
        }
        return value
    }
}
