/// Trading sessions (`--kind sessions`): `session,open_utc,close_utc`, the session's date and
/// its open and close as UTC wall times `YYYY-MM-DD HH:MM:SS` (a `T` separator and a `Z` or
/// `+00:00` suffix are accepted too: the value must be UTC either way). Times become seconds
/// since 1970-01-01 UTC. Session dates strictly increasing; the close must come after the
/// open.
public struct SessionImporter: MarketImporter {
    public var kind: ImportKind { .sessions }

    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        .sessions(try parseSessions(bytes, file: file))
    }

    public func parseSessions(_ bytes: [UInt8], file: String) throws(InputError) -> [TradingSession] {
        var reader = try CSVReader(bytes, file: file)
        let session = try reader.column("session", "date")
        let open = try reader.column("open_utc")
        let close = try reader.column("close_utc")
        var order = DateOrder(.increasing)
        var sessions: [TradingSession] = []
        while try reader.next() {
            let day = try reader.date(session)
            try order.check(day, reader, column: session)
            let opens = try Self.utcSeconds(reader, open)
            let closes = try Self.utcSeconds(reader, close)
            guard closes > opens else {
                throw reader.error(close, "must be after \(reader.header[open]) (got \(CSVReader.display(reader.cellBytes(close))) <= \(CSVReader.display(reader.cellBytes(open))))")
            }
            sessions.append(TradingSession(date: day, openUTC: opens, closeUTC: closes))
        }
        return sessions
    }

    /// Seconds since 1970-01-01T00:00:00Z of a `YYYY-MM-DD HH:MM:SS` cell.
    static func utcSeconds(_ reader: borrowing CSVReader, _ column: Int) throws(InputError) -> Int {
        var cell = Array(reader.cellBytes(column))
        if cell.last == 0x5A { cell.removeLast() }  // Z
        else if cell.count == 25, cell.suffix(6) == Array("+00:00".utf8)[...] { cell.removeLast(6) }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard cell[i] &- 0x30 < 10 else { return nil }
                value = value * 10 + Int(cell[i] - 0x30)
            }
            return value
        }
        guard cell.count == 19, cell[10] == 0x20 || cell[10] == 0x54, cell[13] == 0x3A, cell[16] == 0x3A,
            cell[4] == 0x2D, let day = MarketDate.parse(cell[0..<10]),
            let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
            hour < 24, minute < 60, second < 60
        else {
            throw reader.error(column, "not a UTC time (expected YYYY-MM-DD HH:MM:SS): \(reader.quoted(column))")
        }
        return day.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
    }
}
