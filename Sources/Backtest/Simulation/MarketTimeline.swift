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
    let binding: CacheBinding?
    /// Whether the days were read from the disk cache, built and written, or built without one.
    public let cacheOutcome: TimelineCacheOutcome
    private let tapes = TapeCache()
    private let chains = ChainCache()
    private let sharedVIXSheets = SharedVIXSheets()

    /// Sessions in `from ... to` with an S&P 500 and a VIX close. `parallel` builds the days on
    /// all cores (the result is identical either way).
    public convenience init(
        store: some MarketDataStore, calendar: TradingCalendar, from: MarketDate, to: MarketDate,
        parameters: ChainModelParameters = ChainModelParameters(), parallel: Bool = true
    ) throws {
        try self.init(store: store, calendar: calendar, from: from, to: to, parameters: parameters, parallel: parallel, binding: nil)
    }

    /// The same timeline, read from `cache` when a run over the same store content, calendar,
    /// range, model parameters and executable wrote it, otherwise built and written there (see
    /// `TimelineCache`); regime tapes are cached the same way. A timeline read from the cache
    /// equals the one built (the tests compare whole reports byte for byte); `cacheOutcome`
    /// says which happened.
    public convenience init(
        store: MemoryMarketStore, calendar: TradingCalendar, from: MarketDate, to: MarketDate,
        parameters: ChainModelParameters = ChainModelParameters(), parallel: Bool = true, cache: TimelineCache?
    ) throws {
        let binding = cache.map { CacheBinding(cache: $0, storeDigest: TimelineCache.storeDigest(store, calendar: calendar)) }
        try self.init(store: store, calendar: calendar, from: from, to: to, parameters: parameters, parallel: parallel, binding: binding)
    }

    init(
        store: some MarketDataStore, calendar: TradingCalendar, from: MarketDate, to: MarketDate, parameters: ChainModelParameters,
        parallel: Bool, binding: CacheBinding?
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
        self.binding = binding
        func build() throws -> [MarketDay] {
            try ParallelMap.map(sessions.count, parallel: parallel) { index in
                try MarketDay(store: store, calendar: calendar, date: sessions[index], parameters: parameters)
            }
        }
        guard let binding else {
            days = try build()
            cacheOutcome = .off
            return
        }
        let key = binding.cache.key(
            kind: "timeline", storeDigest: binding.storeDigest,
            parts: [from.description, to.description, try CacheBinding.canonicalJSON(parameters)])
        (days, cacheOutcome) = try binding.cache.value(
            kind: "timeline", key: key,
            decode: { payload in
                try TimelineArchive.days(payload, sessions: sessions, parallel: parallel) { reader, index in
                    try MarketDay(archived: &reader, store: store, calendar: calendar, date: sessions[index], parameters: parameters)
                }
            },
            build: build,
            encode: { days in TimelineArchive.payload(days.map { day in
                var out = ArchiveWriter(capacity: 2048)
                day.archive(into: &out, parameters: parameters)
                return out.bytes
            }) })
    }

    /// The regime path under `rules`, built once per distinct rules.
    func regimeTape(_ rules: RegimeRules) throws -> RegimeTape {
        try tapes.tape(rules) {
            let build = { try RegimeTape(rules: rules, sessions: self.sessions, store: self.store, calendar: self.calendar, parallel: self.parallel) }
            guard let binding else { return (try build(), .off) }
            let key = binding.cache.key(
                kind: "tape", storeDigest: binding.storeDigest,
                parts: [from.description, to.description, try CacheBinding.canonicalJSON(rules)])
            return try binding.cache.value(
                kind: "tape", key: key, decode: { try RegimeTape(archived: $0, rules: rules, sessions: sessions.count) }, build: build,
                encode: { $0.archive() })
        }
    }

    /// Session `index`'s VIX chain as the hedge planner reads it: the day's sheet, whose quotes
    /// are priced as they are read, or the same sheet with its calls priced once for every run
    /// after `shareVIXQuotes()`.
    func vixChain(_ index: Int) -> Result<VIXQuoteSheet, any Error> {
        sharedVIXSheets.sheet(index) ?? days[index].vixChain
    }

    /// Builds every session's VIX quote sheet, in session order, on the calling thread, and
    /// with `hedge` answers what the hedge planner will ask of the session's VIX history
    /// (`HedgeSessionMemo.prepare`): a comparison does this on the replicas' core while the
    /// strategy replays on the other, so the strategy finds each session's sheet built and its
    /// questions answered (or works them out itself, the same, when it gets there first). A
    /// cached run's sheets were a third of its work before the replay.
    func prepareSessions(hedge: HedgeRules? = nil) {
        for day in days {
            _ = day.vixChain
            if let hedge { day.hedgeMemo.prepare(vixHistory: day.inputs.vixComplex.recentVIX, rules: hedge) }
        }
    }

    /// Prices every session's VIX calls once, for the many runs of a sweep or a frontier: one
    /// run reads a few dozen quotes a session, and a thousand runs would each price them again.
    /// The numbers are the same either way (one pricing function). Idempotent.
    func shareVIXQuotes() throws {
        try sharedVIXSheets.fill {
            try ParallelMap.map(days.count, parallel: parallel) { index in days[index].vixChain.map { $0.pricingCalls() } }
        }
    }

    /// What the cache did for each regime tape built so far, in the order they were asked for.
    public var tapeCacheOutcomes: [TimelineCacheOutcome] { tapes.outcomes }

    /// The SPX chain of one expiry on session `index`, generated on first use and, after
    /// `shareSPXChains`, shared: variants differ in the condors they choose, not in the quotes
    /// they choose from.
    func spxChain(_ index: Int, expiry: MarketDate) -> SyntheticChain {
        let key = ChainCache.Key(session: index, expiry: expiry)
        if let chain = chains.chain(key) { return chain }
        let chain = SPXChainGenerator.chain(days[index].model, expiries: [expiry])
        // Bounded: about two expiries per session (≈ 60 KB each) are kept; a sweep that
        // varies its DTE window over many expiries generates the rest again when needed.
        if chains.keeps, chains.count < 2 * sessions.count { chains.store(key, chain) }
        return chain
    }

    /// Keeps the SPX chains generated from now on for the runs that follow (a sweep's variants
    /// and a frontier's points open condors on the same sessions and expiries). A comparison does
    /// not: its strategy and CNDR replica asked for the same chain 3 times in 619 over 2007-2026,
    /// and keeping the other 616 (about 40 MB of fresh memory) cost more in page faults than
    /// the 3 generations it saved.
    func shareSPXChains() {
        chains.keepFromNow()
    }

    /// How many SPX chains are kept (for tests).
    var keptSPXChains: Int { chains.count }

    /// Generated chains by session and expiry, once asked to keep them (`shareSPXChains`).
    /// Generation runs outside the lock: two threads
    /// may build the same chain at once, and since it is a pure function either copy will do.
    final class ChainCache: @unchecked Sendable {
        struct Key: Hashable {
            var session: Int
            var expiry: MarketDate
        }

        private let lock = NSLock()
        private var chains: [Key: SyntheticChain] = [:]
        private var keeping = false

        var keeps: Bool {
            lock.lock()
            defer { lock.unlock() }
            return keeping
        }

        func keepFromNow() {
            lock.lock()
            keeping = true
            lock.unlock()
        }

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

    /// The sessions' VIX sheets with their calls priced, once `shareVIXQuotes` has run; written
    /// once, before the runs that read them start.
    final class SharedVIXSheets: @unchecked Sendable {
        private let lock = NSLock()
        private var sheets: [Result<VIXQuoteSheet, any Error>]?

        func sheet(_ index: Int) -> Result<VIXQuoteSheet, any Error>? {
            lock.lock()
            defer { lock.unlock() }
            return sheets?[index]
        }

        func fill(_ build: () throws -> [Result<VIXQuoteSheet, any Error>]) throws {
            lock.lock()
            defer { lock.unlock() }
            if sheets == nil { sheets = try build() }
        }
    }

    /// Regime tapes by rules (a short list: sweeps rarely vary the regime rules).
    final class TapeCache: @unchecked Sendable {
        private let lock = NSLock()
        private var tapes: [(tape: RegimeTape, outcome: TimelineCacheOutcome)] = []

        func tape(_ rules: RegimeRules, build: () throws -> (RegimeTape, TimelineCacheOutcome)) throws -> RegimeTape {
            lock.lock()
            defer { lock.unlock() }
            if let tape = tapes.first(where: { $0.tape.rules == rules }) { return tape.tape }
            let (tape, outcome) = try build()
            tapes.append((tape, outcome))
            return tape
        }

        var outcomes: [TimelineCacheOutcome] {
            lock.lock()
            defer { lock.unlock() }
            return tapes.map(\.outcome)
        }
    }
}
