import Foundation
import MarketData

/// When `serve --daily-at HH:MM --timezone TZ` runs the day: on each NYSE session of the store's
/// calendar, once the local time in TZ reaches HH:MM (the close is 16:00 in New York; the
/// default 16:30 leaves the day's data time to be imported). Pure: the instant is a parameter.
public struct DailySchedule: Sendable, Equatable {
    public let hour: Int
    public let minute: Int
    public let timeZone: TimeZone

    /// - Throws: a message naming the bad value (`--daily-at 25:00`, an unknown zone).
    public init(at text: String, timeZone identifier: String) throws {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw ScheduleError("--daily-at '\(text)' is not a time HH:MM")
        }
        guard let zone = TimeZone(identifier: identifier) else { throw ScheduleError("--timezone '\(identifier)' is not a known time zone") }
        (self.hour, self.minute, timeZone) = (hour, minute, zone)
    }

    /// The session to run at `now`: today in the schedule's zone when it is a session of
    /// `calendar` and the time has come; nil otherwise (a weekend, a holiday, before the time,
    /// or a date the calendar does not cover).
    public func dueSession(at now: Date, calendar: TradingCalendar) -> MarketDate? {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = timeZone
        let parts = gregorian.dateComponents([.year, .month, .day, .hour, .minute], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let h = parts.hour, let m = parts.minute,
            let date = MarketDate(year: year, month: month, day: day)
        else { return nil }
        guard (h, m) >= (hour, minute), calendar.isSession(date) == true else { return nil }
        return date
    }

    public struct ScheduleError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
