import Foundation
import MarketData
import Testing

/// One store test suite, run against SQLite and PostgreSQL: the book, the journal, tokens,
/// webhooks, the generation counter and all-or-nothing imports behave the same on both.
@Suite struct StoreSuiteTests {
    static let day = MarketDate(year: 2018, month: 2, day: 5)!

    static func fill(_ symbol: String, _ quantity: Int, _ price: Double, on date: MarketDate = day, layer: String? = nil) throws -> BookFill {
        guard case .success(let parsed) = InstrumentSymbol.parse(symbol) else { throw StoreError.unknownSymbol(symbol) }
        var fill = BookFill(date: date, symbol: parsed, quantity: quantity, price: price, fees: Cents(cents: 125), layer: layer)
        fill.cashFlow = Cents(cents: Int64(-quantity) * Int64((price * 100).rounded()) * 100 - 125)
        return fill
    }

    static func text(_ fill: BookFill) -> String {
        "\(fill.date) \(fill.symbol) \(fill.quantity) \(fill.price) \(fill.fees.cents) \(fill.cashFlow.cents) \(fill.layer ?? "-")"
    }

    @Test(arguments: Backend.available) func fillsComeBackInDateThenImportOrder(_ backend: Backend) throws {
        let (store, _, cleanup) = try backend.makeStore(seeded: false)
        defer { cleanup() }
        let later = MarketDate(year: 2018, month: 2, day: 6)!
        let first = [try Self.fill("SPX   180316P02600000", -2, 12.5, on: later, layer: "condor"), try Self.fill("VXH18", 1, 14.05)]
        let second = [try Self.fill("VIX   180321C00020000", 10, 1.95, layer: "L3")]
        try store.addFills([(file: "a.csv", fills: first), (file: "b.csv", fills: second)])
        let read = try store.fills(through: later)
        #expect(read.map(Self.text) == [first[1], second[0], first[0]].map(Self.text))
        #expect(try store.fills(through: Self.day).count == 2)
        #expect(try store.fills(through: MarketDate(year: 2018, month: 2, day: 2)!).isEmpty)
    }

    @Test(arguments: Backend.available) func journalRecordsOncePerDateAndRuleset(_ backend: Backend) throws {
        let (store, _, cleanup) = try backend.makeStore(seeded: false)
        defer { cleanup() }
        let entry = JournalEntry(date: Self.day, rulesetHash: "abc", recordedAt: "2018-02-05T21:30:00Z", decision: "{\"x\":1}")
        #expect(try store.recordJournal(entry))
        #expect(try !store.recordJournal(JournalEntry(date: Self.day, rulesetHash: "abc", recordedAt: "later", decision: "{}")))
        #expect(try store.recordJournal(JournalEntry(date: Self.day, rulesetHash: "def", recordedAt: "t", decision: "{}")))
        let entries = try store.journal(from: Self.day, to: Self.day)
        #expect(entries.map(\.rulesetHash) == ["abc", "def"])
        #expect(entries.first == entry)
        #expect(try store.journal(from: MarketDate(year: 2018, month: 2, day: 6)!, to: MarketDate(year: 2018, month: 3, day: 1)!).isEmpty)
    }

    @Test(arguments: Backend.available) func tokensAreFoundByHashListedAndRevoked(_ backend: Backend) throws {
        let (store, _, cleanup) = try backend.makeStore(seeded: false)
        defer { cleanup() }
        let read = APIToken(id: "t1", label: "desk", scope: .read, hash: String(repeating: "a", count: 64), createdAt: "2026-01-01T00:00:00Z")
        let admin = APIToken(id: "t2", label: "ops", scope: .admin, hash: String(repeating: "b", count: 64), createdAt: "2026-01-02T00:00:00Z")
        try store.addToken(read)
        try store.addToken(admin)
        #expect(try store.token(hash: admin.hash) == admin)
        #expect(try store.token(hash: String(repeating: "c", count: 64)) == nil)
        #expect(try store.tokens() == [read, admin])
        #expect(throws: StoreError.self) { try store.addToken(read) }  // the same id and hash again
        #expect(try store.revokeToken(id: "t1"))
        #expect(try !store.revokeToken(id: "t1"))
        #expect(try store.tokens() == [admin])
    }

    @Test(arguments: Backend.available) func webhookOutboxClaimsOnceRecordsAttemptsAndCascades(_ backend: Backend) throws {
        let (store, _, cleanup) = try backend.makeStore(seeded: false)
        defer { cleanup() }
        let hook = WebhookSubscription(id: "w1", url: "http://127.0.0.1:9/x", secret: "whsec_AAAA", events: ["run.orders", "run.failed"], createdAt: "t")
        let other = WebhookSubscription(id: "w2", url: "http://127.0.0.1:9/y", secret: "whsec_BBBB", events: ["regime.changed"], createdAt: "u")
        try store.addWebhook(hook)
        try store.addWebhook(other)
        #expect(try store.webhooks() == [hook, other])
        #expect(try store.enqueue(event: "run.orders", payload: "{}", messageID: { "m-\($0.id)" }, now: 1_000) == 1)
        #expect(try store.dueMessages(now: 999, limit: 10).isEmpty)
        let due = try store.dueMessages(now: 1_000, limit: 10)
        #expect(due.map(\.id) == ["m-w1"] && due.first?.state == "pending" && due.first?.attempts == 0)
        #expect(try store.claim(messageID: "m-w1", now: 1_000, lease: 60))
        #expect(try !store.claim(messageID: "m-w1", now: 1_000, lease: 60), "a second replica claims nothing")
        try store.record(DeliveryAttempt(messageID: "m-w1", attemptedAt: 1_001, status: 500, error: nil), attempts: 1, nextAttemptAt: 1_006, state: "pending")
        try store.record(DeliveryAttempt(messageID: "m-w1", attemptedAt: 1_006, status: nil, error: "refused"), attempts: 2, nextAttemptAt: 1_036, state: "pending")
        #expect(try store.attempts(messageID: "m-w1") == [
            DeliveryAttempt(messageID: "m-w1", attemptedAt: 1_001, status: 500, error: nil),
            DeliveryAttempt(messageID: "m-w1", attemptedAt: 1_006, status: nil, error: "refused"),
        ])
        #expect(try store.messages(webhookID: "w1").first?.attempts == 2)
        #expect(try store.removeWebhook(id: "w1"))
        #expect(try !store.removeWebhook(id: "w1"))
        #expect(try store.messages(webhookID: "w1").isEmpty && store.attempts(messageID: "m-w1").isEmpty)
        #expect(try store.webhooks() == [other])
    }

    @Test(arguments: Backend.available) func everyWriteBumpsTheGenerationByOne(_ backend: Backend) throws {
        let (store, _, cleanup) = try backend.makeStore(seeded: false)
        defer { cleanup() }
        let start = try store.generation()
        try store.addFills([(file: "a.csv", fills: [try Self.fill("VXH18", 1, 14.05)])])
        _ = try store.recordJournal(JournalEntry(date: Self.day, rulesetHash: "h", recordedAt: "t", decision: "{}"))
        _ = try store.recordJournal(JournalEntry(date: Self.day, rulesetHash: "h", recordedAt: "t", decision: "{}"))
        #expect(try store.generation() == start + 3)
        _ = try store.fills(through: Self.day)
        #expect(try store.generation() == start + 3, "reads do not bump it")
    }

    /// A failure inside the transaction (bars into a series that holds observations, after a
    /// good batch of the same call) leaves the store as it was, generation included.
    @Test(arguments: Backend.available) func aFailedImportChangesNothing(_ backend: Backend) throws {
        let (store, _, cleanup) = try backend.makeStore(seeded: false)
        defer { cleanup() }
        let day = MarketDate(year: 2019, month: 1, day: 2)!
        try store.write(.observations([Observation(date: day, value: 20)]), kind: .fred, symbol: "VIXLIKE", file: "v.csv")
        let catalog = try store.catalog()
        let generation = try store.generation()
        let good = ImportBatch(records: .observations([Observation(date: day, value: 1)]), kind: .fred, symbol: "NEWSERIES", file: "a.csv")
        let clash = ImportBatch(records: .bars([DailyBar(date: day, open: 1, high: 1, low: 1, close: 1)]), kind: .prices, symbol: "VIXLIKE", file: "b.csv")
        #expect(throws: StoreError.conflictingKind(symbol: "VIXLIKE", existing: "observations", new: "bars")) {
            try store.write([good, clash], progress: nil)
        }
        #expect(try store.catalog() == catalog)
        #expect(try store.generation() == generation)
    }

    /// The import engine's rules hold on both: a monthly series is known one day after its
    /// month (FRED's default lag here), a later file replaces a value, and a new lag moves the
    /// known dates of the stored rows too.
    @Test(arguments: Backend.available) func importsKeepPublicationLagsAndReplaceValues(_ backend: Backend) throws {
        let (store, _, cleanup) = try backend.makeStore(seeded: false)
        defer { cleanup() }
        let months = (1...4).map { MarketDate(year: 2019, month: $0, day: 1)! }
        try store.write(.observations(months.enumerated().map { Observation(date: $1, value: Double($0)) }), kind: .fred, symbol: "MONTHLY", file: "m.csv")
        try store.write(.observations([Observation(date: months[3], value: 33)]), kind: .fred, symbol: "MONTHLY", file: "fix.csv")
        let summary = try #require(try store.catalog().first { $0.symbol == "MONTHLY" })
        #expect(summary.frequency == "monthly" && summary.count == 4)
        // Five weeks after the last month's first day its (replaced) value is out under the
        // default lag; on its first day it is not.
        let after = MarketDate(dayNumber: months[3].dayNumber + 35)
        let seen = try store.observations("MONTHLY", from: nil, asOf: after)
        #expect(seen.map(\.value) == [0, 1, 2, 33])
        let before = try store.observations("MONTHLY", from: nil, asOf: months[3])
        #expect(!before.contains { $0.date == months[3] })
        try store.write(.observations([Observation(date: months[0], value: 0)]), kind: .fred, symbol: "MONTHLY", file: "m.csv", lagDays: 40)
        let late = try store.observations("MONTHLY", from: nil, asOf: after)
        #expect(late.count < seen.count, "a 40-day lag hides the latest month: \(late.count) of \(seen.count)")
        #expect(try store.catalog().first { $0.symbol == "MONTHLY" }?.publicationLagDays == 40)
    }

    /// Jobs: bounded when added, read back, finished with a report, pruned to the most recent,
    /// heartbeats moved; none of it moves the generation.
    @Test(arguments: Backend.available) func backtestJobsAreBoundedKeptAndPruned(_ backend: Backend) throws {
        let (store, _, cleanup) = try backend.makeStore(seeded: false)
        defer { cleanup() }
        let generation = try store.generation()
        func job(_ index: Int) -> BacktestJob {
            BacktestJob(
                id: "bt-\(index)", state: "queued", progress: 0, from: Self.day, to: MarketDate(dayNumber: Self.day.dayNumber + 30), createdAt: index,
                heartbeatAt: index, owner: "a")
        }
        #expect(try (0..<3).allSatisfy { try store.addJob(job($0), maximumActive: 3, staleBefore: -1) })
        #expect(try !store.addJob(job(3), maximumActive: 3, staleBefore: -1), "a fourth active job is refused")
        #expect(try store.job(id: "bt-1") == job(1))
        #expect(try store.job(id: "bt-9") == nil)
        var done = job(0)
        (done.state, done.progress, done.summaries, done.heartbeatAt) = ("done", 1, "[]", 100)
        #expect(try store.updateJob(done, report: "<html>0</html>", keep: 1))
        #expect(try store.job(id: "bt-0") == done)
        #expect(try store.jobReport(id: "bt-0") == "<html>0</html>")
        #expect(try store.jobReport(id: "bt-1") == nil, "no report before it is done")
        #expect(try store.addJob(job(3), maximumActive: 3, staleBefore: -1), "a finished job frees a place")
        var failed = job(1)
        (failed.state, failed.error, failed.heartbeatAt) = ("failed", "no data", 200)
        #expect(try store.updateJob(failed, report: nil, keep: 1))
        #expect(try store.job(id: "bt-0") == nil, "only the most recent finished job is kept")
        #expect(try store.job(id: "bt-1")?.error == "no data")
        try store.beat(ids: ["bt-1", "bt-2", "bt-3"], now: 500)
        #expect(try store.job(id: "bt-2")?.heartbeatAt == 500 && store.job(id: "bt-3")?.heartbeatAt == 500)
        #expect(try store.job(id: "bt-1")?.heartbeatAt == 200, "a finished job keeps its finish time")
        #expect(try store.failStaleJobs(staleBefore: 501, error: "gone", now: 600, keep: 5) == 2)
        #expect(try store.job(id: "bt-3").map { ($0.state, $0.error, $0.heartbeatAt) == ("failed", "gone", 600) } == true)
        #expect(try store.generation() == generation, "job writes do not move the generation")
    }

    /// A daily run's alerts go in with its journal entry, in one transaction: none for a day
    /// already recorded, and a failure while writing them leaves no entry either.
    @Test(arguments: Backend.available) func alertsAreWrittenWithTheJournalEntryOrNotAtAll(_ backend: Backend) throws {
        let (store, _, cleanup) = try backend.makeStore(seeded: false)
        defer { cleanup() }
        try store.addWebhook(WebhookSubscription(id: "w", url: "http://127.0.0.1:9/", secret: "whsec_AA", events: ["run.orders"], createdAt: "t"))
        let entry = JournalEntry(date: Self.day, rulesetHash: "h", recordedAt: "t", decision: "{}")
        let orders = PendingAlert(event: "run.orders", payload: "{}", messageID: { "m-\($0.id)" })
        let ignored = PendingAlert(event: "regime.changed", payload: "{}", messageID: { "r-\($0.id)" })
        #expect(try store.recordJournal(entry, alerts: [orders, ignored], now: 5))
        #expect(try store.messages(webhookID: "w").map(\.id) == ["m-w"], "one message per subscription to the event")
        #expect(try !store.recordJournal(entry, alerts: [PendingAlert(event: "run.orders", payload: "{}", messageID: { "again-\($0.id)" })], now: 6))
        #expect(try store.messages(webhookID: "w").count == 1, "an already recorded day adds no alert")
        // Two alerts with one message id: the second insert fails, and the entry goes with it.
        let next = JournalEntry(date: MarketDate(year: 2018, month: 2, day: 6)!, rulesetHash: "h", recordedAt: "t", decision: "{}")
        let clash = PendingAlert(event: "run.orders", payload: "{}", messageID: { "same-\($0.id)" })
        #expect(throws: StoreError.self) { try store.recordJournal(next, alerts: [clash, clash], now: 7) }
        #expect(try store.journal(from: next.date, to: next.date).isEmpty)
        #expect(try store.messages(webhookID: "w").count == 1)
    }

    /// Quotes are stored a strike per row: a call and a put of one strike come back as two
    /// quotes in the old order (expiry, strike, call before put); a later file of one side
    /// replaces that side only; a quote missing a side stays missing.
    @Test(arguments: Backend.available) func optionQuotesRoundTripThroughStrikeRows(_ backend: Backend) throws {
        let (store, _, cleanup) = try backend.makeStore(seeded: false)
        defer { cleanup() }
        let day = MarketDate(year: 2019, month: 1, day: 2)!
        let near = MarketDate(year: 2019, month: 1, day: 18)!
        let far = MarketDate(year: 2019, month: 2, day: 15)!
        func quote(_ expiry: MarketDate, _ strike: Double, _ right: OptionQuote.Right, _ bid: Double, delta: Double? = nil) -> OptionQuote {
            OptionQuote(
                underlying: "SPX", quoteDate: day, expiry: expiry, strike: strike, right: right, bid: bid, ask: bid + 0.5, underlyingPrice: 2510,
                impliedVolatility: 0.2, delta: delta, volume: 3, openInterest: nil)
        }
        let first = [
            quote(far, 2500, .call, 60), quote(far, 2500, .put, 50, delta: -0.45),
            quote(near, 2600, .put, 95), quote(near, 2400, .call, 120, delta: 0.8), quote(near, 2400, .put, 10),
        ]
        let summary = try store.write(.quotes(first), kind: .chainOptionsDX, symbol: "SPX", file: "a.csv")
        #expect(summary.rows == 5)
        let expected = [first[3], first[4], first[2], first[0], first[1]]
        #expect(try store.optionQuotes(underlying: "SPX", quoteDate: day) == expected)
        #expect(try store.memoryCopy(quoteDates: day...day).optionQuotes(underlying: "SPX", quoteDate: day) == expected)
        #expect(try store.catalog().first { $0.symbol == "SPX" && $0.family == "option_quotes" }?.count == 5)
        // A file of calls only: the 2600 call appears, the 2400 call is replaced, the puts stay.
        let calls = [quote(near, 2400, .call, 121), quote(near, 2600, .call, 30)]
        try store.write(.quotes(calls), kind: .chainOptionsDX, symbol: "SPX", file: "b.csv")
        #expect(try store.optionQuotes(underlying: "SPX", quoteDate: day) == [calls[0], first[4], calls[1], first[2], first[0], first[1]])
        #expect(try store.optionQuotes(underlying: "VIX", quoteDate: day).isEmpty)
    }
}
