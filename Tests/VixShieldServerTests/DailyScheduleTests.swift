import Foundation
import MarketData
import Testing
@testable import VixShieldServer

/// When the server's daily run is due: sessions only, from the local time on, across DST.
@Suite struct DailyScheduleTests {
    func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func dueOnSessionsFromTheLocalTime() throws {
        let calendar = try ServerFixture.get().environment.calendar
        let schedule = try DailySchedule(at: "16:30", timeZone: "America/New_York")
        // Tuesday 2018-02-06: 16:29 and 16:30 New York (EST, UTC−5).
        #expect(schedule.dueSession(at: instant("2018-02-06T21:29:00Z"), calendar: calendar) == nil)
        #expect(schedule.dueSession(at: instant("2018-02-06T21:30:00Z"), calendar: calendar) == MarketDate(year: 2018, month: 2, day: 6))
        // Still that day at 23:59 New York, which is the next day in UTC.
        #expect(schedule.dueSession(at: instant("2018-02-07T04:59:00Z"), calendar: calendar) == MarketDate(year: 2018, month: 2, day: 6))
        // A Saturday and Presidents' Day (NYSE holiday) are not sessions.
        #expect(schedule.dueSession(at: instant("2018-02-03T22:00:00Z"), calendar: calendar) == nil)
        #expect(schedule.dueSession(at: instant("2018-02-19T22:00:00Z"), calendar: calendar) == nil)
        // After the switch to daylight time (EDT, UTC−4): 16:30 is 20:30 UTC.
        #expect(schedule.dueSession(at: instant("2018-03-12T20:30:00Z"), calendar: calendar) == MarketDate(year: 2018, month: 3, day: 12))
        #expect(schedule.dueSession(at: instant("2018-03-12T20:29:00Z"), calendar: calendar) == nil)
    }

    @Test func badTimesAndZonesAreRefused() {
        #expect(throws: DailySchedule.ScheduleError.self) { try DailySchedule(at: "25:00", timeZone: "America/New_York") }
        #expect(throws: DailySchedule.ScheduleError.self) { try DailySchedule(at: "16h30", timeZone: "America/New_York") }
        #expect(throws: DailySchedule.ScheduleError.self) { try DailySchedule(at: "16:30", timeZone: "Mars/Olympus") }
    }
}
