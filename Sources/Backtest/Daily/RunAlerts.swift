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

    /// The daily run (`DailyRun.run`) with its alerts, put in the outbox in the journal entry's
    /// own transaction (a crash leaves both or neither; an already recorded day adds none); a
    /// failure raises `run.failed` (when `alertOnFailure`) and is rethrown.
    public static func run(
        market: some MarketDataStore, book: some BookStore & WebhookStore, calendar: TradingCalendar, date: MarketDate, ruleset: Ruleset,
        now: Date, alertOnFailure: Bool = true
    ) throws -> DailyRun.Outcome {
        let stamp = ISO8601DateFormatter().string(from: now)
        let outcome: DailyRun.Outcome
        let key = "\(date)-\(ruleset.contentHash.prefix(12))"
        do {
            outcome = try DailyRun.run(
                market: market, book: book, calendar: calendar, date: date, ruleset: ruleset, recordedAt: stamp,
                alerts: { record in try alerts(record, market: market, calendar: calendar, ruleset: ruleset, key: key, now: now) },
                now: Int(now.timeIntervalSince1970))
        } catch {
            if alertOnFailure {
                // A random part keeps two failures of the same second apart.
                var generator = SystemRandomNumberGenerator()
                let key = "\(date)-\(stamp)-\(UInt64.random(in: 0...UInt64.max, using: &generator))"
                _ = try enqueue("run.failed", Failure(date: date, rulesetHash: ruleset.contentHash, error: "\(error)"), key: key, store: book, now: now)
            }
            throw error
        }
        return outcome
    }

    /// `regime.changed` when the day's canonical posture differs from the previous session's,
    /// `run.orders` when the run placed orders.
    static func alerts(
        _ record: DailyRun.Record, market: some MarketDataStore, calendar: TradingCalendar, ruleset: Ruleset, key: String, now: Date
    ) throws -> [PendingAlert] {
        var alerts: [PendingAlert] = []
        let date = record.date
        let decision = try RegimeEngine(rules: ruleset.regime).replay(store: market, calendar: calendar, date: date).last
        if let decision, decision.changed {
            alerts.append(
                try alert(
                    "regime.changed",
                    RegimeChange(date: date, from: decision.previousRegime, to: decision.regime, rulesetHash: ruleset.contentHash), key: key, now: now))
        }
        if !record.decision.orders.isEmpty {
            alerts.append(
                try alert(
                    "run.orders", Orders(date: date, rulesetHash: ruleset.contentHash, regime: record.decision.regime, orders: record.decision.orders),
                    key: key, now: now))
        }
        return alerts
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
        let pending = try alert(event, data, key: key, now: now)
        return try store.enqueue(event: event, payload: pending.payload, messageID: pending.messageID, now: Int(now.timeIntervalSince1970))
    }

    static func alert(_ event: String, _ data: some Encodable, key: String, now: Date) throws -> PendingAlert {
        let payload = try StableJSON.encode(Envelope(type: event, timestamp: ISO8601DateFormatter().string(from: now), data: data))
        return PendingAlert(event: event, payload: payload, messageID: { "msg_" + SHA256.hex("\(event)|\(key)|\($0.id)").prefix(24) })
    }
}
