/// Daily Treasury constant-maturity curves (`--kind treasury`): a date column (`Time Period`
/// as in the bundled file, or `Date`/`DATE`/`date`) and one column per tenor named as in
/// `TreasuryCurve.tenorNames` (`1month` … `30year`), all required. Yields are kept in the
/// file's units (the bundled file uses decimals, 0.0224 = 2.24%); an empty cell is a tenor not
/// quoted that day (nil). The date may carry a midnight time, as pandas writes it
/// (`1990-01-02 00:00:00+00:00`). Dates strictly increasing.
public struct TreasuryImporter: MarketImporter {
    public var kind: ImportKind { .treasury }

    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        .treasury(try parseCurves(bytes, file: file))
    }

    public func parseCurves(_ bytes: [UInt8], file: String) throws(InputError) -> [TreasuryCurve] {
        var reader = try CSVReader(bytes, file: file)
        let date = try reader.column("Time Period", "Date", "DATE", "date")
        var tenors: [Int] = []
        for name in TreasuryCurve.tenorNames { tenors.append(try reader.column(name)) }
        var order = DateOrder(.increasing)
        var curves: [TreasuryCurve] = []
        while try reader.next() {
            let day = try Self.midnightDate(reader, date)
            try order.check(day, reader, column: date)
            var yields: [Double?] = []
            yields.reserveCapacity(tenors.count)
            for column in tenors { yields.append(try reader.optionalNumber(column)) }
            curves.append(TreasuryCurve(date: day, yields: yields))
        }
        return curves
    }

    /// `YYYY-MM-DD`, optionally followed by ` 00:00:00`, ` 00:00:00+00:00` or `T00:00:00Z`-like
    /// midnight stamps; any other time of day is refused (a curve is a daily close).
    static func midnightDate(_ reader: borrowing CSVReader, _ column: Int) throws(InputError) -> MarketDate {
        let cell = reader.cellBytes(column)
        if cell.count <= 10 { return try reader.date(column) }
        let suffix = Array(cell.dropFirst(10))
        let allowed: [[UInt8]] = [" 00:00:00", " 00:00:00+00:00", " 00:00:00Z", "T00:00:00", "T00:00:00+00:00", "T00:00:00Z"].map { Array($0.utf8) }
        guard allowed.contains(suffix), let day = MarketDate.parse(cell.prefix(10)) else {
            throw reader.error(column, "not a date (expected YYYY-MM-DD, optionally with a 00:00:00 time): \(reader.quoted(column))")
        }
        return day
    }
}
