/// Cboe index history files (`--kind cboe-index --symbol NAME`), as Cboe publishes them for
/// VVIX, SKEW, VIX9D, VIX3M, … and VIX itself, told apart by the header:
/// - `DATE,NAME`: one close a day (the value column may carry any name: `VVIX`, `SKEW`, …);
/// - `DATE,OPEN,HIGH,LOW,CLOSE`: the daily bar (VIX_History.csv).
/// Dates `MM/DD/YYYY` or ISO, strictly increasing. A value that is not a number is an error
/// naming file, line and field (the whole file is refused); `.` marks a missing value and the
/// row is skipped. A parsable value outside `IndexPlausibility`'s range imports with a warning.
/// In the OHLC layout an open outside its own [low, high] (a known defect of Cboe's early VIX
/// rows, e.g. 2.58 on 2004-11-08) is not stored and is counted as a warning; the close is kept.
/// Rows on days that are not NYSE sessions (Cboe holiday sessions) are skipped by the store
/// with a count, not here: parsing is pure and knows no calendar.
public struct CboeIndexImporter: MarketImporter {
    public var kind: ImportKind { .cboeIndex }
    public let symbol: String

    public init(symbol: String) { self.symbol = symbol }

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        .index(try parseIndex(bytes, file: file))
    }

    public func parseIndex(_ bytes: [UInt8], file: String) throws(InputError) -> IndexHistory {
        var reader = try CSVReader(bytes, file: file)
        let date = try reader.column("DATE", "Date", "date")
        guard date == 0 else {
            throw InputError(file: file, line: reader.headerLine, field: reader.header[0], message: "expected the date as the first column")
        }
        let ohlc = reader.header.count == 5
        guard ohlc || reader.header.count == 2 else {
            throw InputError(
                file: file, line: reader.headerLine,
                message: "expected DATE,\(symbol) or DATE,OPEN,HIGH,LOW,CLOSE (found: \(reader.header.joined(separator: ",")))")
        }
        let close = ohlc ? try reader.column("CLOSE", "Close") : 1
        let open = ohlc ? try reader.column("OPEN", "Open") : nil
        let high = ohlc ? try reader.column("HIGH", "High") : nil
        let low = ohlc ? try reader.column("LOW", "Low") : nil
        let range = IndexPlausibility.range(of: symbol)
        var order = DateOrder(.increasing)
        var history = IndexHistory(closes: [], opens: [], warnings: [])
        while try reader.next() {
            let day = try reader.date(date)
            try order.check(day, reader, column: date)
            let cell = reader.cellBytes(close)
            if cell.count == 1, cell.first == 0x2E { continue }  // "."
            let value = try reader.number(close)
            guard value > 0 else { throw reader.error(close, "must be > 0 (got \(CSVReader.display(cell)))") }
            if let range, !range.contains(value) {
                history.warnings.append(
                    reader.error(close, "\(symbol) \(CSVReader.display(cell)) is outside the plausible range \(range.lowerBound)-\(range.upperBound): imported and flagged").description)
            }
            history.closes.append(Observation(date: day, value: value))
            guard let open, let high, let low else { continue }
            let o = try reader.nonNegative(open)
            let h = try reader.nonNegative(high)
            let l = try reader.nonNegative(low)
            if l <= o, o <= h, l <= value, value <= h {
                history.opens.append(Observation(date: day, value: o))
            } else {
                history.warnings.append(
                    reader.error(open, "open \(CSVReader.display(reader.cellBytes(open))) inconsistent with high/low/close of the row: open not stored").description)
            }
        }
        return history
    }
}
