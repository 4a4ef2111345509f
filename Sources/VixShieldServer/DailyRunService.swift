import Backtest
import Foundation
import Logging
import MarketData
import ServiceLifecycle

/// The daily run inside `serve`: every 30 seconds, if a session is due (`DailySchedule`) and the
/// journal has no entry for it under the server's ruleset, run it (`RunAlerts.run`: recorded,
/// alerts to the outbox). Several replicas on one store record the day once: the journal's
/// unique (date, ruleset) key decides, inside one write transaction, and the replica that loses
/// writes nothing and raises no alert. A failed attempt (e.g. the day's closes not imported yet)
/// is retried after 15 minutes.
struct DailyRunService: Service {
    let env: ServerEnvironment
    let schedule: DailySchedule
    let logger: Logger

    func run() async throws {
        var lastFailure: (date: MarketDate, at: Date)?
        var warnedOutside: String?
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = Date()
            // The calendar is the store's sessions file: past its end nothing is ever due.
            let today = ISO8601DateFormatter().string(from: now).prefix(10)
            if let date = MarketDate(parsing: String(today)), !env.calendar.covers(date), warnedOutside != String(today) {
                warnedOutside = String(today)
                logger.warning("the store's session calendar does not cover \(today): no daily run (import the NYSE sessions and restart)")
            }
            if let date = schedule.dueSession(at: now, calendar: env.calendar),
                lastFailure.map({ $0.date != date || now.timeIntervalSince($0.at) >= 900 }) ?? true
            {
                do {
                    let hash = env.ruleset.contentHash
                    if try !env.store.journal(from: date, to: date).contains(where: { $0.rulesetHash == hash }) {
                        let market = try MemoryMarketStore.load(env.store, quoteDates: date...date)
                        let outcome = try RunAlerts.run(market: market, book: env.store, calendar: env.calendar, date: date, ruleset: env.ruleset, now: now)
                        logger.info("daily run", metadata: ["date": "\(date)", "recorded": "\(outcome.recorded)", "orders": "\(outcome.record.decision.orders.count)"])
                    }
                    lastFailure = nil
                } catch {
                    lastFailure = (date, now)
                    logger.error("daily run failed", metadata: ["date": "\(date)", "error": "\(error)"])
                }
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(30)) }
        }
    }
}
