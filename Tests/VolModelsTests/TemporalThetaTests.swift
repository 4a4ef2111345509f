import Foundation
import MarketData
import QuantCore
import Testing
@testable import VolModels
import TestScratch

/// Event variance ("temporal theta") on real dates around the 2018-03-21 FOMC statement.
@Suite struct TemporalThetaTests {
    static let fixture = Result { () throws -> (SQLiteMarketStore, TradingCalendar) in
        let directory = TestScratch.directory("tt")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
        return (store, try TradingCalendar(sessions: store.sessions().map(\.date)))
    }

    static let dayBefore = MarketDate(year: 2018, month: 3, day: 20)!
    static let fomcDay = MarketDate(year: 2018, month: 3, day: 21)!
    static let weekly = MarketDate(year: 2018, month: 3, day: 23)!

    func model(_ date: MarketDate) throws -> SPXMarketModel {
        let (store, calendar) = try Self.fixture.get()
        return try SPXMarketModel(inputs: MarketInputs.load(store, date: date), calendar: calendar)
    }

    /// The expiry just after the FOMC carries the event's jump variance the day before and
    /// loses it once the statement is out: its ATM implied vol drops at the next session with
    /// the diffusive state held, by exactly the removed jump variance in total-variance terms.
    @Test func impliedVolOfTheExpiryAfterTheEventDropsNextSession() throws {
        let m = try model(Self.dayBefore)
        #expect(m.inputs.pendingEvents.first?.date == Self.fomcDay)
        let t = m.inputs.years(to: Self.weekly)
        let elapsed = 1.0 / 365
        let theta = m.surface.atmTotalVariance(t)
        let diffusive = m.surface.diffusiveATMTotalVariance(t)
        let jump = theta - diffusive
        #expect(abs(jump - m.parameters.events.fomc) <= 1e-15)
        let volBefore = (theta / t).squareRoot()
        let volAfter = (diffusive * (t - elapsed) / t / (t - elapsed)).squareRoot()
        #expect(volBefore - volAfter > 0.03, "ATM vol \(volBefore) → \(volAfter)")
        // Maturities before the release carry no event variance.
        #expect(m.surface.eventVariance(before: elapsed * 0.5) == 0)
    }

    @Test func positionDecompositionReportsTheEventDecay() throws {
        let m = try model(Self.dayBefore)
        let strike = (m.inputs.spot / 5).rounded() * 5
        // Short one ATM straddle expiring just after the statement.
        let legs = [
            PositionLeg(type: .call, strike: strike, expiry: Self.weekly, quantity: -1),
            PositionLeg(type: .put, strike: strike, expiry: Self.weekly, quantity: -1),
        ]
        let report = try TemporalTheta.decompose(legs, model: m, to: Self.fomcDay)
        #expect(report.releasedEvents == ["FOMC 2018-03-21"])
        #expect(report.calendarDecay > 0 && report.eventDecay > 0, "\(report)")
        #expect(abs(report.total - (report.valueAfter - report.valueBefore)) <= 1e-9 * abs(report.valueBefore))
        // First-order check of the event part: vega × change of ATM vol, within 15%.
        let t = m.inputs.years(to: Self.weekly) - 1.0 / 365
        let diffusive = m.surface.diffusiveATMTotalVariance(t + 1.0 / 365) * t / (t + 1.0 / 365)
        let volWith = ((diffusive + m.parameters.events.fomc) / t).squareRoot()
        let volWithout = (diffusive / t).squareRoot()
        let rate = m.inputs.rates.rate(years: t)
        let q = m.parameters.surface.dividendYield
        let mid = (volWith + volWithout) / 2
        let vega = try BlackScholesMerton.value(.call, spot: m.inputs.spot, strike: strike, time: t, rate: rate, dividendYield: q, volatility: mid).vega
            + BlackScholesMerton.value(.put, spot: m.inputs.spot, strike: strike, time: t, rate: rate, dividendYield: q, volatility: mid).vega
        let firstOrder = 100 * vega * (volWith - volWithout)
        #expect(abs(report.eventDecay - firstOrder) <= 0.15 * firstOrder, "event \(report.eventDecay) vs vega estimate \(firstOrder)")
        // The event dominates a one-day calendar decay for an option three days from expiry.
        #expect(report.eventDecay > report.calendarDecay * 0.5)
    }

    @Test func noEventMeansNoEventDecay() throws {
        let m = try model(MarketDate(year: 2017, month: 7, day: 11)!)
        let next = MarketDate(year: 2017, month: 7, day: 12)!
        let legs = [PositionLeg(type: .put, strike: 2300, expiry: MarketDate(year: 2017, month: 8, day: 18)!, quantity: -2)]
        let report = try TemporalTheta.decompose(legs, model: m, to: next)
        #expect(report.releasedEvents.isEmpty)
        #expect(report.eventDecay == 0)
        #expect(report.calendarDecay > 0)  // short put gains from the passage of time
        #expect(throws: VolModelError.self) { try TemporalTheta.decompose(legs, model: m, to: m.inputs.date) }
    }
}
