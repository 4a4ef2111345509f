/// A scheduled event that moves implied volatility, from a CSV `date,event,kind,time_et`:
/// `event` names it (`FOMC`, `CPI`, or any user label), `kind` qualifies it as the file says
/// (`scheduled`, `unscheduled`, …), `time_et` is the release time in US Eastern time (`HH:MM`).
public struct CalendarEvent: Hashable, Sendable, Codable {
    public var date: MarketDate
    public var event: String
    public var kind: String
    public var timeET: String?

    public init(date: MarketDate, event: String, kind: String, timeET: String?) {
        self.date = date
        self.event = event
        self.kind = kind
        self.timeET = timeET
    }

    public var isFOMC: Bool { event.uppercased() == "FOMC" }
    public var isCPI: Bool { event.uppercased() == "CPI" }
}
