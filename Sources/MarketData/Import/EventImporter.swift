/// Scheduled events (`--kind events`): `date,event,kind,time_et`. `event` (e.g. `FOMC`, `CPI`)
/// and `kind` (e.g. `scheduled`) must be non-empty; `time_et` is the release time in US
/// Eastern time as 24-hour `HH:MM`, and may be empty or the column absent (time unknown).
/// Several events may share a day, and the file need not be sorted, but the same event twice
/// on one day is refused (a duplicated row would double-count the event).
public struct EventImporter: MarketImporter {
    public var kind: ImportKind { .events }

    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        .events(try parseEvents(bytes, file: file))
    }

    public func parseEvents(_ bytes: [UInt8], file: String) throws(InputError) -> [CalendarEvent] {
        var reader = try CSVReader(bytes, file: file)
        let date = try reader.column("date", "Date", "DATE")
        let event = try reader.column("event")
        let kind = try reader.column("kind")
        let time = reader.optionalColumn(["time_et"])
        var seen: [EventKey: Int] = [:]
        var events: [CalendarEvent] = []
        while try reader.next() {
            let day = try reader.date(date)
            let name = try reader.name(event)
            let qualifier = try reader.name(kind)
            var timeET: String?
            if let time, !reader.isEmpty(time) {
                guard Self.isClockTime(reader.cellBytes(time)) else {
                    throw reader.error(time, "expected HH:MM (24-hour), got \(reader.quoted(time))")
                }
                timeET = try reader.text(time)
            }
            let key = EventKey(day: day, event: name)
            if let line = seen[key] {
                throw reader.error(event, "duplicate event \(name) on \(day) (also on line \(line))")
            }
            seen[key] = reader.line
            events.append(CalendarEvent(date: day, event: name, kind: qualifier, timeET: timeET))
        }
        return events
    }

    private struct EventKey: Hashable {
        var day: MarketDate
        var event: String
    }

    /// Exactly `HH:MM`, hours 00–23, minutes 00–59.
    static func isClockTime(_ cell: ArraySlice<UInt8>) -> Bool {
        let b = Array(cell)
        guard b.count == 5, b[2] == 0x3A else { return false }
        for i in [0, 1, 3, 4] where b[i] &- 0x30 >= 10 { return false }
        let hour = Int(b[0] - 0x30) * 10 + Int(b[1] - 0x30)
        let minute = Int(b[3] - 0x30) * 10 + Int(b[4] - 0x30)
        return hour < 24 && minute < 60
    }
}
