import ArgumentParser
import Foundation
import MarketData
import Strategy
import VixShieldServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the API (and the daily signal) over HTTP on the store's engine (educational).",
        discussion: """
            Routes (OpenAPI 3.1 at GET /openapi.json): GET /healthz; GET /api/v1/signal?date=D (the same JSON as
            `signal --json` on the stored book); GET /api/v1/regime?from&to; GET /api/v1/series[/SYMBOL]?from&to&asOf;
            GET /api/v1/book?date=D; POST /api/v1/book/fills; GET /api/v1/journal?from&to; POST /api/v1/run?date=D;
            POST /api/v1/backtests, GET /api/v1/backtests/ID[/report]; /api/v1/webhooks (admin). Every /api route needs
            `Authorization: Bearer TOKEN` (`vixshield token create`): read reads, trade posts fills, runs and
            backtests, admin manages webhooks. The dashboard (/, /book, /journal, /backtests) signs in at /login. Errors are application/problem+json. Binds to loopback unless --host says otherwise;
            stops on SIGTERM or SIGINT after the requests in flight. --daily-at 16:30 [--timezone America/New_York] makes the
            daily run inside the server on each NYSE session (once per day and ruleset, even with several servers on one
            store); the webhook outbox is delivered while it runs. \(Signal.disclaimer)
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesetOptions
    @OptionGroup var timelineCache: TimelineCacheOptions
    @Option(help: "Address to bind (default: loopback).") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Run the day inside the server at this local time on each NYSE session, HH:MM (e.g. 16:30).") var dailyAt: String?
    @Option(help: "Time zone of --daily-at (IANA name).") var timezone = "America/New_York"

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in 0...65535 (got \(port))") }
        if let dailyAt {
            do { _ = try DailySchedule(at: dailyAt, timeZone: timezone) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() async throws {
        var environment = try ServerEnvironment(store: try store.open(), ruleset: try rules.load())
        environment.timelineCache = timelineCache.cache
        let schedule = try dailyAt.map { try DailySchedule(at: $0, timeZone: timezone) }
        try await serve(environment, host: host, port: port, schedule: schedule)
    }
}
