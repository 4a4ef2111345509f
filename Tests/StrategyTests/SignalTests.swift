import Foundation
import MarketData
import Testing
import VolModels
@testable import Strategy
import TestScratch

/// The whole signal: determinism, no look-ahead, named historical days, ruleset validation.
@Suite(.serialized) struct SignalTests {
    static func signal(_ date: String, store: SQLiteMarketStore = regimeSharedStore, ruleset: Ruleset = .standard) throws -> Signal {
        try SignalEngine.signal(store: store, calendar: calendar(of: store), date: day(date), ruleset: ruleset)
    }

    static func json(_ signal: Signal) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(signal)
    }

    @Test func sameStoreDateAndRulesetGiveByteIdenticalJSON() throws {
        let a = try Self.json(Self.signal("2018-02-05"))
        let b = try Self.json(Self.signal("2018-02-05"))
        #expect(a == b)
        #expect(!a.isEmpty)
    }

    /// Deleting all market data (prices, VIX, rates, macro) dated after d leaves the signal for
    /// d unchanged, for seeded random d in 2014-2018. The trading calendar and the scheduled
    /// FOMC dates stay: they are published in advance, so a trader on d knows them;
    /// unscheduled events after d are removed.
    @Test func signalIgnoresEverythingAfterItsDate() throws {
        var rng = SplitMix64(state: 20_261_125)
        let sessions = try regimeSharedStore.sessions().map(\.date).filter {
            $0 >= day("2014-03-03") && $0 <= day("2018-12-28")
        }
        let vixDays = Set(try regimeSharedStore.observations("VIX", asOf: day("2019-12-31")).map(\.date))
        var checked = 0
        while checked < 8 {
            let d = sessions[Int(rng.next() % UInt64(sessions.count))]
            guard vixDays.contains(d) else { continue }
            let truncated = try marketTruncatedStore(through: d)
            let full = try SignalEngine.signal(store: regimeSharedStore, calendar: calendar(of: regimeSharedStore), date: d, ruleset: .standard)
            let cut = try SignalEngine.signal(store: truncated, calendar: calendar(of: truncated), date: d, ruleset: .standard)
            #expect(try Self.json(full) == Self.json(cut), "signal for \(d) changed when later data was removed")
            checked += 1
        }
    }

    @Test func namedDaysGetSensibleAnswers() throws {
        for date in ["2018-02-05", "2018-02-06", "2016-06-24", "2016-06-27"] {
            #expect(try Self.signal(date).regime.regime == .stress, "\(date)")
        }
        let calm = try Self.signal("2017-07-14")
        #expect(calm.regime.regime == .calm)
        // A calm day gets a condor in the delta band and hedges within budget.
        let condor = try #require(calm.condor)
        let shorts = condor.legs.filter { $0.role == .shortPut || $0.role == .shortCall }
        #expect(shorts.count == 2)
        for leg in shorts {
            #expect(abs(leg.delta) >= 0.15 && abs(leg.delta) <= 0.20, "\(leg.role) delta \(leg.delta)")
        }
        let hedge = try #require(calm.hedge)
        #expect(hedge.totalPremium <= 0.10 * Ruleset.standard.capital + 1e-6)
        // Layer weights move as the rules say: stress raises the ladder weight over calm.
        let stress = try #require(try Self.signal("2018-02-05").hedge)
        let ladderWeight = { (plan: HedgePlan) in plan.layers.first { $0.layer == .otmLadder }?.weight ?? 0 }
        #expect(ladderWeight(stress) > ladderWeight(hedge))
        #expect(calm.disclaimer.contains("not investment advice"))
        #expect(calm.prices.contains("Modelled"))
        #expect(calm.rulesetHash == Ruleset.standard.contentHash)
    }

    @Test func badRulesetValuesAreRejectedWithTheFieldNamed() {
        func field(_ toml: String) -> String? {
            do {
                _ = try Ruleset.load(toml: toml, file: "r.toml")
                return nil
            } catch { return error.field }
        }
        #expect(field("capital = -5") == "capital")
        #expect(field("[condor]\nshort_delta = 0.6") == "condor.short_delta")
        #expect(field("[condor]\nmax_loss_fraction = -0.02")?.hasPrefix("condor.") == true)
        #expect(field("[regime]\nstress_votes = 13")?.hasPrefix("regime.") == true)
        #expect(field("[hedge]\npre_event_of_risk = 20")?.hasPrefix("hedge.") == true)
        #expect(field("[hedge]\nlayer3_budget = -1")?.hasPrefix("hedge.") == true)
        #expect(field("[condor]\nshort_deltaa = 0.16") == "condor.short_deltaa")
        #expect(field("[condor]\nshort_delta = \"high\"") != nil)
        #expect(field("[condor]\nshort_delta = 0.18") == nil)
    }

    @Test func hashFollowsContentOnly() throws {
        let same = try Ruleset.load(toml: "[condor]\nshort_delta = 0.16\n", file: "r.toml")
        #expect(same.contentHash == Ruleset.standard.contentHash)
        let other = try Ruleset.load(toml: "[condor]\nshort_delta = 0.17\n", file: "r.toml")
        #expect(other.contentHash != Ruleset.standard.contentHash)
        #expect(other.contentHash.count == 64)
        // Non-finite numbers (which validation refuses) still hash by content: NaN, +∞ and a
        // finite value give three hashes, none of them the empty string's.
        var nan = Ruleset.standard, infinite = Ruleset.standard
        nan.condor.shortDelta = .nan
        infinite.condor.shortDelta = .infinity
        let hashes = Set([nan.contentHash, infinite.contentHash, Ruleset.standard.contentHash, SHA256.hex("")])
        #expect(hashes.count == 4)
        #expect(nan.canonicalJSON.contains("\"short_delta\":\"nan\""), "\(nan.canonicalJSON)")
        let toml = try Ruleset.standard.toml()
        #expect(try Ruleset.load(toml: toml, file: "shown.toml") == Ruleset.standard)
        // Floats in their shortest round-trip form, strings untouched.
        #expect(toml.contains("short_delta_max = 0.2\n") && toml.contains("ladder_weights = [ 0.4, 0.35, 0.25 ]"))
        #expect(toml.contains("breadth_symbol = 'ADVDEC'") && !toml.contains("0000000000"))
    }
}


/// With a real SPX chain imported for the date, the signal prices off the surface fitted to it.
@Suite struct SignalRealChainTests {
    @Test func importedChainReplacesTheModelSurface() throws {
        let directory = TestScratch.directory("signal-chain")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let date = day("2017-07-14")
        let before = try SignalEngine.signal(store: store, calendar: calendar, date: date, ruleset: .standard)
        #expect(before.market.surface.hasPrefix("modelled from the VIX"))
        // Import a chain quoted off a different smile (ρ = −0.5) as if it were real.
        var parameters = ChainModelParameters()
        parameters.surface.rho = -0.5
        let inputs = try MarketInputs.load(store, date: date)
        let chain = SPXChainGenerator.chain(try SPXMarketModel(inputs: inputs, calendar: calendar, parameters: parameters))
        let quotes = try OptionsDXImporter(underlying: "SPX").parseQuotes(Array(ChainWriter.write(chain, format: .optionsDX).utf8), file: "real.csv")
        try store.write(.quotes(quotes), kind: .chainOptionsDX, symbol: "SPX", file: "real.csv")
        let after = try SignalEngine.signal(store: store, calendar: calendar, date: date, ruleset: .standard)
        #expect(after.market.surface.hasPrefix("fitted to the imported SPX chain ("), "\(after.market.surface)")
        #expect(after.market.surface.contains(" strikes used"))
        #expect(after.condor != before.condor)  // a different smile moves the condor's quotes
    }
}
