/// One FRED-style series (`--kind fred`): exactly two columns, a date column named
/// `observation_date` (FRED's download), `DATE` (older FRED files) or `Date`, and a value
/// column whose name is the series id (`CPIAUCSL`, `vix`, …). A value of `.` is FRED's mark for
/// "no observation" (market holidays in daily series): the row is skipped, not an error.
/// Dates strictly increasing (the skipped rows included, so a misplaced holiday still fails).
public struct FREDImporter: MarketImporter {
    public var kind: ImportKind { .fred }

    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        .observations(try parseSeries(bytes, file: file).observations)
    }

    /// The series id (the value column's name) and its observations.
    public func parseSeries(_ bytes: [UInt8], file: String) throws(InputError) -> (series: String, observations: [Observation]) {
        var reader = try CSVReader(bytes, file: file)
        guard reader.header.count == 2 else {
            throw InputError(file: file, line: reader.headerLine, message: "expected 2 columns (date and one series), found \(reader.header.count)")
        }
        let date = try reader.column("observation_date", "DATE", "Date", "date")
        guard date == 0 else {
            throw InputError(file: file, line: reader.headerLine, field: reader.header[0], message: "expected the date as the first column")
        }
        let value = 1
        let series = reader.header[1]
        guard !series.isEmpty else {
            throw InputError(file: file, line: reader.headerLine, message: "the value column has no name (it names the series)")
        }
        var order = DateOrder(.increasing)
        var observations: [Observation] = []
        while try reader.next() {
            let day = try reader.date(date)
            try order.check(day, reader, column: date)
            let cell = reader.cellBytes(value)
            if cell.count == 1, cell.first == 0x2E { continue }  // "."
            observations.append(Observation(date: day, value: try reader.number(value)))
        }
        return (series, observations)
    }
}
