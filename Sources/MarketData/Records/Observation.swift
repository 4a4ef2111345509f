/// One value of a single-column series (a close-only index such as VIX, or a FRED series).
/// `date` is the date the value describes: for monthly/quarterly macro data the first day of the
/// period, as FRED stamps it, *not* the day it became known (see `PublicationLag`).
public struct Observation: Hashable, Sendable, Codable {
    public var date: MarketDate
    public var value: Double

    public init(date: MarketDate, value: Double) {
        self.date = date
        self.value = value
    }
}
