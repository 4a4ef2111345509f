import Foundation
import MarketData
import Strategy
import VolModels

/// The part of a backtest that does not depend on the ruleset, prepared once and shared by
/// every run over the same sessions: each session's inputs, calibrated SPX model, VIX chain and
/// VIX history (`MarketDay`), and the regime path for each set of regime rules asked for
/// (`RegimeTape`, built on first use). Every day is built from the store as of its own close,
/// exactly as a run that read the store session by session would, so sharing it changes no
/// number; it only stops the strategy, its baselines and a sweep's variants from calibrating
/// the same surfaces again.
public final class MarketTimeline: Sendable {
    public let from: MarketDate
    public let to: MarketDate
    public let parameters: ChainModelParameters
    public let calendar: TradingCalendar
    public let sessions: [MarketDate]
    let days: [MarketDay]
    let store: any MarketDataStore
    let parallel: Bool
    private let tapes = TapeCache()
    private let chains = ChainCache()

    /// Sessions in `from ... to` with an S&P 500 and a VIX close. `parallel` builds the days on
    /// all cores (the result is identical either way).
    public init(
        store: some MarketDataStore, calendar: TradingCalendar, from: MarketDate, to: MarketDate,
        parameters: ChainModelParameters = ChainModelParameters(), parallel: Bool = true
    ) throws {
        try parameters.validate()
        let vixDays = Set(try store.observations("VIX", from: from, asOf: to).map(\.date))
        let sessions = try store.bars("SPX", from: from, asOf: to).map(\.date).filter { vixDays.contains($0) && calendar.isSession($0) == true }
        guard !sessions.isEmpty else {
            throw VolModelError.missingMarketData("no session with S&P 500 and VIX closes in \(from) .. \(to)")
        }
        self.from = from
        self.to = to
        self.parameters = parameters
        self.calendar = calendar
        self.sessions = sessions
        self.store = store
        self.parallel = parallel
        days = try ParallelMap.map(sessions.count, parallel: parallel) { index in
            try MarketDay(store: store, calendar: calendar, date: sessions[index], parameters: parameters)
        }
    }

    /// The regime path under `rules`, built once per distinct rules.
    func regimeTape(_ rules: RegimeRules) throws -> RegimeTape {
        try tapes.tape(rules) {
            try RegimeTape(rules: rules, sessions: sessions, store: store, calendar: calendar, parallel: parallel)
        }
    }

    /// The SPX chain of one expiry on session `index`, generated on first use and then shared:
    /// variants differ in the condors they choose, not in the quotes they choose from.
    func spxChain(_ index: Int, expiry: MarketDate) -> SyntheticChain {
        let key = ChainCache.Key(session: index, expiry: expiry)
        if let chain = chains.chain(key) { return chain }
        let chain = SPXChainGenerator.chain(days[index].model, expiries: [expiry])
        // Bounded: about two expiries per session (≈ 60 KB each) are kept; a sweep that
        // varies its DTE window over many expiries generates the rest again when needed.
        if chains.count < 2 * sessions.count { chains.store(key, chain) }
        return chain
    }

    /// Generated chains by session and expiry. Generation runs outside the lock: two threads
    /// may build the same chain at once, and since it is a pure function either copy will do.
    final class ChainCache: @unchecked Sendable {
        struct Key: Hashable {
            var session: Int
            var expiry: MarketDate
        }

        private let lock = NSLock()
        private var chains: [Key: SyntheticChain] = [:]

        func chain(_ key: Key) -> SyntheticChain? {
            lock.lock()
            defer { lock.unlock() }
            return chains[key]
        }

        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return chains.count
        }

        func store(_ key: Key, _ chain: SyntheticChain) {
            lock.lock()
            chains[key] = chain
            lock.unlock()
        }
    }

    /// Regime tapes by rules (a short list: sweeps rarely vary the regime rules).
    final class TapeCache: @unchecked Sendable {
        private let lock = NSLock()
        private var tapes: [RegimeTape] = []

        func tape(_ rules: RegimeRules, build: () throws -> RegimeTape) throws -> RegimeTape {
            lock.lock()
            defer { lock.unlock() }
            if let tape = tapes.first(where: { $0.rules == rules }) { return tape }
            let tape = try build()
            tapes.append(tape)
            return tape
        }
    }
}
