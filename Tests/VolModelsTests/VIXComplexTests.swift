import Foundation
import MarketData
import QuantCore
import Testing
@testable import VolModels
import TestScratch

/// The VIX complex on real data (bundled VVIX and VX settlements 2007-2016, Cboe's real VXTH
/// call quotes): calibration to the VVIX, futures through settlements, the fallbacks out of
/// sample, and real call prices. Tolerances are the issue's targets.
@Suite(.serialized) struct VIXComplexTests {
    static let fixture = Result { () throws -> (SQLiteMarketStore, TradingCalendar) in
        let directory = TestScratch.directory("vixc")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
        return (store, try TradingCalendar(sessions: store.sessions().map(\.date)))
    }

    static func complex(_ date: MarketDate) throws -> (VIXComplex, MarketInputs) {
        let (store, calendar) = try fixture.get()
        let inputs = try MarketInputs.load(store, date: date)
        return (try VIXComplex.calibrate(inputs: inputs, calendar: calendar, parameters: ChainModelParameters()), inputs)
    }

    /// Seeded sample of sessions with both a VVIX and VX settlements.
    static func sampleDays(count: Int, seed: UInt64) throws -> [MarketDate] {
        let (store, _) = try fixture.get()
        let vvix = Set(try store.observations("VVIX", from: MarketDate(year: 2007, month: 3, day: 26)!, asOf: MarketDate(year: 2016, month: 12, day: 30)!).map(\.date))
        let days = try store.observations("VIX", from: MarketDate(year: 2007, month: 3, day: 26)!, asOf: MarketDate(year: 2016, month: 12, day: 30)!)
            .map(\.date).filter { vvix.contains($0) }
        var rng = seed
        return (0..<count).map { _ in
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return days[Int((rng >> 33) % UInt64(days.count))]
        }
    }

    @Test func vvixOverTheModelledChainMatchesTheRealVVIX() throws {
        var worst = 0.0
        for date in try Self.sampleDays(count: 60, seed: 0x5EED) {
            let (vix, inputs) = try Self.complex(date)
            guard let real = inputs.vixComplex.vvix, IndexPlausibility.isPlausible(real, symbol: "VVIX") else { continue }
            #expect(vix.vvixSource == .vvix)
            worst = max(worst, abs(vix.vvixModel / real - 1))
        }
        // The issue's target is 2%; the calibration itself reaches ~1e-4 (Brent to 1e-7 in s,
        // with small jumps where the zero-bid truncation moves a strike in or out).
        #expect(worst < 5e-4, "worst relative VVIX error \(worst)")
    }

    /// The calibration reports the VVIX its search computed at the scale it chose (a bracket
    /// end or Brent's best point) instead of computing it again: it must be the VVIX of the
    /// complex it returns, bit for bit (a wrong key or a value from another evaluation fails
    /// here), on days with a real VVIX and on one with the fallback target.
    @Test func reportedVVIXIsTheReturnedComplexsOwn() throws {
        let (_, calendar) = try Self.fixture.get()
        var dates = try Self.sampleDays(count: 12, seed: 0xB17)
        dates.append(MarketDate(year: 2020, month: 3, day: 16)!)  // no VVIX after 2016: the fallback target
        for date in dates {
            let (complex, inputs) = try Self.complex(date)
            let terms = try complex.vvixTerms(calendar: calendar, inputs: inputs)
            let recomputed = try complex.modelVVIX(terms: terms, inputs: inputs, parameters: ChainModelParameters())
            #expect(complex.vvixModel.bitPattern == recomputed.bitPattern, "\(date)")
        }
    }

    @Test func futuresPassThroughTheSettlementsToTheCent() throws {
        for date in try Self.sampleDays(count: 40, seed: 0xF07) {
            let (vix, inputs) = try Self.complex(date)
            #expect(vix.futuresSource == .settlements)
            for settlement in inputs.vixComplex.futures where settlement.expiry > date {
                let model = vix.future(years: inputs.years(to: settlement.expiry))
                // "To the cent" is the target; the curve interpolates through the node exactly.
                #expect(abs(model - settlement.settle) <= 1e-12 * settlement.settle, "\(date) \(settlement.expiry)")
            }
        }
    }

    @Test func volOfVolRisesInASpike() throws {
        let (calm, _) = try Self.complex(MarketDate(year: 2014, month: 7, day: 3)!)
        let (spike, _) = try Self.complex(MarketDate(year: 2015, month: 8, day: 24)!)
        #expect(spike.atmVolatility30d > 1.5 * calm.atmVolatility30d)
        // The fallback too (no VVIX after 2016): 2018-02-05 above 2017-07-14.
        let (quiet, _) = try Self.complex(MarketDate(year: 2017, month: 7, day: 14)!)
        let (volmageddon, _) = try Self.complex(MarketDate(year: 2018, month: 2, day: 5)!)
        #expect(quiet.vvixSource == .fallback && volmageddon.vvixSource == .fallback)
        #expect(volmageddon.vvixTarget > 1.5 * quiet.vvixTarget)
        #expect(volmageddon.atmVolatility30d > quiet.atmVolatility30d)
    }

    /// After the bundled Treasury curves end (2019-08-26) rates come from FRED's daily series and
    /// say so; the overnight point is DFF converted from ACT/360 daily compounding.
    @Test func ratesFallBackToFREDDailiesAndSaySo() throws {
        let (store, _) = try Self.fixture.get()
        let before = try MarketInputs.load(store, date: MarketDate(year: 2019, month: 8, day: 26)!)
        #expect(before.rates.source == "Treasury CMT curve of 2019-08-26")
        let date = MarketDate(year: 2024, month: 8, day: 5)!
        let after = try MarketInputs.load(store, date: date)
        #expect(after.rates.source.hasPrefix("FRED daily DFF ") && after.rates.source.contains("DGS2") && after.rates.source.contains("DGS10"))
        // DFF is published the next day: the latest known at 2024-08-05 is dated 2024-08-04 or earlier.
        let dff = try #require(try store.observations("DFF", from: date.adding(days: -7), asOf: date).last)
        #expect(dff.date < date)
        let overnight = 365 * log1p(dff.value / 100 / 360)
        #expect(abs(after.rates.rate(years: 1.0 / 365) - overnight) <= 1e-15)
    }

    /// The fallback curve's θ averages the last 252 closes, as fitted (not fewer).
    @Test func fallbackThetaUsesTheFittedWindow() throws {
        let (store, _) = try Self.fixture.get()
        let date = MarketDate(year: 2018, month: 2, day: 5)!
        let closes = try store.observations("VIX", from: MarketDate(year: 2016, month: 1, day: 1)!, asOf: date).suffix(252).map { $0.value }
        let fit = VIXComplexParameters.standard
        let expected = fit.futuresThetaIntercept + fit.futuresThetaSlope * closes.reduce(0, +) / 252
        let (vix, _) = try Self.complex(date)
        #expect(vix.futuresSource == .fallback)
        #expect(abs(vix.theta - expected) <= 1e-12 * expected)
    }

    @Test func implausibleVVIXIsFlaggedNotFitted() throws {
        let (vix, inputs) = try Self.complex(MarketDate(year: 2006, month: 3, day: 15)!)
        #expect(inputs.vixComplex.vvix == 15.71)
        #expect(vix.vvixSource == .fallback)
        #expect(vix.notes.contains { $0.contains("implausible") })
    }

    /// Out of sample (2014-2016, fit on 2007-2013): the fallbacks recomputed here from the
    /// bundled data, independently of the Python fit.
    @Test func fallbacksOutOfSample() throws {
        let (store, _) = try Self.fixture.get()
        let fit = VIXComplexParameters.standard
        let start = MarketDate(year: 2014, month: 1, day: 1)!
        let end = MarketDate(year: 2016, month: 12, day: 30)!
        let closes = try store.observations("VIX", from: MarketDate(year: 2012, month: 1, day: 1)!, asOf: end)
        var index: [MarketDate: Int] = [:]
        for (i, close) in closes.enumerated() { index[close.date] = i }
        var logModel: [Double] = []
        var logReal: [Double] = []
        var relative: [Double] = []
        for vvix in try store.observations("VVIX", from: start, asOf: end) {
            guard let i = index[vvix.date] else { continue }
            let history = closes[...i].map { $0.value }
            let model = try #require(fit.fallbackVVIX(vix: history.last!, recentVIX: Array(history.suffix(252))))
            logModel.append(log(model))
            logReal.append(log(vvix.value))
            relative.append(abs(model / vvix.value - 1))
        }
        #expect(relative.count > 700)
        let correlation = try PortfolioStatistics.correlation(logModel, logReal)
        #expect(correlation >= 0.6, "log VVIX correlation \(correlation)")
        #expect(Self.median(relative) <= 0.15, "median |error| \(Self.median(relative))")

        var errors: [Double] = []
        for date in closes.map({ $0.date }).filter({ $0 >= start }) {
            let i = index[date]!
            let history = Array(closes[...i].map { $0.value }.suffix(252))
            let theta = try #require(fit.fallbackTheta(recentVIX: history))
            for settlement in try store.futuresSettlements(root: "VX", date: date) where settlement.expiry > date {
                let tau = Double(settlement.expiry - date) / 365
                let model = theta + (history.last! - theta) * exp(-fit.futuresKappa * tau)
                errors.append(abs(model - settlement.settle))
            }
        }
        #expect(errors.count > 1400)
        #expect(Self.median(errors) <= 0.75, "futures median |error| \(Self.median(errors))")
    }

    /// Real one-month ~30-delta VIX calls (Cboe's VXTH holdings), 2012-2013: out of sample for
    /// the smile shape fitted on 2007-2011. Model mid with the day's calibrated complex.
    @Test func modelledCallsAgainstRealQuotes() throws {
        let url = Self.resource("vxth_2006-2013.csv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let (_, calendar) = try Self.fixture.get()
        var ratios: [Double] = []
        var considered = 0
        for row in rows where row[0] >= "2012-01-01" {
            considered += 1
            guard let date = MarketDate(parsing: row[0]), let expiry = MarketDate(parsing: row[4]), let strike = Double(row[5]),
                let bid = Double(row[6]), let ask = Double(row[7]), let mid = Double(row[8]), strike > 0, mid > 0, !(bid == 0 && ask > 0),
                let (year, month, _) = Optional(expiry.components), calendar.vixExpiry(year: year, month: month) == expiry
            else { continue }
            let (vix, inputs) = try Self.complex(date)
            guard vix.vvixSource == .vvix, vix.futuresSource == .settlements,
                inputs.vixComplex.futures.contains(where: { $0.expiry == expiry })
            else { continue }
            let t = inputs.years(to: expiry)
            let model = try vix.price(.call, strike: strike, future: vix.future(years: t), time: t, rate: inputs.rates.rate(years: t)).price
            ratios.append(model / mid - 1)
        }
        #expect(ratios.count > 300, "\(ratios.count) of \(considered) rows usable")
        let absolute = Self.median(ratios.map(abs))
        let bias = Self.median(ratios)
        #expect(absolute <= 0.15, "median |error| \(absolute)")
        #expect(abs(bias) <= 0.10, "median signed error \(bias)")
    }

    /// `data import --kind chain-cboe` reads a real Cboe DataShop VIX chain (underlying ^VIX,
    /// root VIX) as it reads SPX chains.
    @Test func realVIXChainImports() throws {
        let bytes = Array(try Data(contentsOf: Self.resource("UnderlyingOptionsEODCalcs_2016-06-01_VIX.csv")))
        guard case .quotes(let quotes) = try CboeChainImporter().parse(bytes, file: "vix-chain.csv") else {
            Issue.record("not quotes")
            return
        }
        #expect(quotes.count == 724)
        #expect(quotes.allSatisfy { $0.underlying == "VIX" && $0.quoteDate == MarketDate(year: 2016, month: 6, day: 1)! })
    }

    /// SwiftPM places the copied Resources folder differently across platforms; try both.
    static func resource(_ name: String) -> URL {
        let base = Bundle.module.resourceURL ?? Bundle.module.bundleURL
        let nested = base.appendingPathComponent("Resources").appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: nested.path) ? nested : base.appendingPathComponent(name)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

}
