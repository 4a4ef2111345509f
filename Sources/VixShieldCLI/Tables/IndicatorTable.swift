import MarketData
import QuantCore

/// `vixshield indicators`: MACD(12,26,9), RSI(14) and EMA(20) with TA-Lib's conventions over a
/// daily series. Rows whose value is `.` are market holidays (FRED convention) and are skipped;
/// dates must be strictly increasing. Output columns:
/// `date,value,macd,macd_signal,macd_hist,rsi14,ema20`, blank cells during warm-up.
public enum IndicatorTable {
    public static let outputColumns = ["date", "value", "macd", "macd_signal", "macd_hist", "rsi14", "ema20"]

    public static func run(table: CSVTable, column: String, dateColumn: String) throws(InputError) -> String {
        let valueIndex = try table.column(column)
        let dateIndex = try table.column(dateColumn)
        var dates: [MarketDate] = []
        var values: [Double] = []
        for row in table.rows {
            let text = row.cells[valueIndex].trimmingSpaces()
            guard let date = MarketDate(parsing: row.cells[dateIndex]) else {
                throw InputError(
                    file: table.file, line: row.line, field: dateColumn,
                    message: "not a date: '\(row.cells[dateIndex])' (expected YYYY-MM-DD or M/D/YYYY)")
            }
            if let last = dates.last, date <= last {
                throw InputError(
                    file: table.file, line: row.line, field: dateColumn,
                    message: date == last ? "duplicate date \(date)" : "date \(date) out of order (after \(last))")
            }
            if text == "." { continue }  // market holiday
            let value = try table.number(row, valueIndex)
            guard value.isFinite else {
                throw InputError(file: table.file, line: row.line, field: column, message: "not a finite number: '\(text)'")
            }
            dates.append(date)
            values.append(value)
        }
        var macd = MACD()
        var rsi = RSI(period: 14)
        var ema = EMA(period: 20)
        var lines = [outputColumns.joined(separator: ",")]
        lines.reserveCapacity(values.count + 1)
        for (date, value) in zip(dates, values) {
            let m = macd.update(value)
            let cells = [
                date.description, formatNumber(value),
                m.map { formatNumber($0.macd) } ?? "", m.map { formatNumber($0.signal) } ?? "",
                m.map { formatNumber($0.histogram) } ?? "",
                rsi.update(value).map(formatNumber) ?? "", ema.update(value).map(formatNumber) ?? "",
            ]
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
