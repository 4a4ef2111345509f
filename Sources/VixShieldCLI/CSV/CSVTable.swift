import MarketData

/// A small CSV file fully loaded as text cells, for the CLI's per-row tables (pricing and
/// indicator inputs). Parsing is MarketData's strict `CSVReader` (LF/CRLF, BOM, quoted cells,
/// trimmed spaces, equal cell counts), so every command shares one set of rules and messages.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number in the source file.
        public var line: Int
        public var cells: [String]
    }

    public var file: String
    public var header: [String]
    public var rows: [Row]

    public init(text: String, file: String) throws(InputError) {
        var reader = try CSVReader(Array(text.utf8), file: file)
        self.file = file
        header = reader.header
        var rows: [Row] = []
        while try reader.next() {
            var cells: [String] = []
            cells.reserveCapacity(header.count)
            for column in header.indices { cells.append(try reader.text(column)) }
            rows.append(Row(line: reader.line, cells: cells))
        }
        self.rows = rows
    }

    /// Index of a required column, or an error naming it and the columns found.
    public func column(_ name: String) throws(InputError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw InputError(file: file, line: 1, field: name, message: "missing column (found: \(header.joined(separator: ",")))")
        }
        return index
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
