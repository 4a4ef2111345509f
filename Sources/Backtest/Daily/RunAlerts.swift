import Foundation
import MarketData
import Strategy

/// The alerts a daily run raises, put in the webhook outbox in the store (delivered by
/// `vixshield serve`, whichever process ran the day): `regime.changed` when the day's
/// canonical posture differs from the previous session's, `run.orders` when the run placed
/// orders, `run.failed` when it failed (with the date and cause). Payloads follow the Standard
/// Webhooks shape `{type, timestamp, data}`.
public enum RunAlerts {
    public static let events = ["regime.changed", "run.orders", "run.failed"]

    /// The daily run (`DailyRun.run`), then its alerts when it recorded something new; a
    /// failure raises `run.failed` (when `alertOnFailure`) and is rethrown. The alerts are put in
    /// the outbox after the journal entry, in a second transaction: a crash between the two
    /// loses that day's alerts (the entry is there, so the day is not run again).
    public static func run(
        market: some MarketDataStore, book: some BookStore & WebhookStore, calendar: TradingCalendar, date: MarketDate, ruleset: Ruleset,
        now: Date, alertOnFailure: Bool = true
    ) throws -> DailyRun.Outcome {
        let stamp = ISO8601DateFormatter().string(from: now)
        let outcome: DailyRun.Outcome
        do {
            outcome = try DailyRun.run(market: market, book: book, calendar: calendar, date: date, ruleset: ruleset, recordedAt: stamp)
        } catch {
            if alertOnFailure {
                // A random part keeps two failures of the same second apart.
                var generator = SystemRandomNumberGenerator()
                let key = "\(date)-\(stamp)-\(UInt64.random(in: 0...UInt64.max, using: &generator))"
                _ = try enqueue("run.failed", Failure(date: date, rulesetHash: ruleset.contentHash, error: "\(error)"), key: key, store: book, now: now)
            }
            throw error
        }
        guard outcome.recorded else { return outcome }
        let key = "\(date)-\(ruleset.contentHash.prefix(12))"
        let decision = try RegimeEngine(rules: ruleset.regime).replay(store: market, calendar: calendar, date: date).last
        if let decision, decision.changed {
            _ = try enqueue(
                "regime.changed", RegimeChange(date: date, from: decision.previousRegime, to: decision.regime, rulesetHash: ruleset.contentHash),
                key: key, store: book, now: now)
        }
        if !outcome.record.decision.orders.isEmpty {
            _ = try enqueue(
                "run.orders",
                Orders(date: date, rulesetHash: ruleset.contentHash, regime: outcome.record.decision.regime, orders: outcome.record.decision.orders),
                key: key, store: book, now: now)
        }
        return outcome
    }

    struct Envelope<T: Encodable>: Encodable {
        var type: String
        var timestamp: String
        var data: T
        var disclaimer = Signal.disclaimer
    }

    struct Failure: Encodable {
        var date: MarketDate
        var rulesetHash: String
        var error: String
    }

    struct RegimeChange: Encodable {
        var date: MarketDate
        var from: Regime
        var to: Regime
        var rulesetHash: String
    }

    struct Orders: Encodable {
        var date: MarketDate
        var rulesetHash: String
        var regime: Regime
        var orders: [BookOrder]
    }

    /// One message per subscriber; the message id (`webhook-id`) is derived from the event, the
    /// key and the subscription, so a re-enqueued event keeps its id and receivers can dedupe.
    static func enqueue(_ event: String, _ data: some Encodable, key: String, store: some WebhookStore, now: Date) throws -> Int {
        let payload = try StableJSON.encode(Envelope(type: event, timestamp: ISO8601DateFormatter().string(from: now), data: data))
        return try store.enqueue(
            event: event, payload: payload, messageID: { "msg_" + SHA256.hex("\(event)|\(key)|\($0.id)").prefix(24) },
            now: Int(now.timeIntervalSince1970))
    }
}
