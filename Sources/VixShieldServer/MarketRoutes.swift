import Backtest
import Foundation
import Hummingbird
import MarketData
import Strategy

/// `GET /api/v1/signal`, `/regime`, `/series/{symbol}` (scope `read`).
enum MarketRoutes {
    static func add(to router: Router<BasicRequestContext>, _ env: ServerEnvironment) {
        // The day's signal with the engine's orders on the stored book: the same bytes as
        // `signal --date D --json` (no fills stored) or `signal --date D --book <the stored
        // fills> --json`.
        router.get("/api/v1/signal") { request, _ -> Response in
            _ = try env.tokens.authorize(request, .read)
            return try domain {
                // Computed once per date and store generation (any write, e.g. new fills or an
                // import, changes the generation).
                // Keyed by the date asked for (parsed first, so other query text cannot miss the cache).
                let asked = try request.uri.queryParameters.get("date").map { try ServerEnvironment.date($0, name: "date") }
                let body = try env.cache.answer("signal", query: asked?.description ?? "latest", generation: try env.store.generation()) {
                    try StableJSON.encode(try env.signal(try asked ?? env.store.latestSession()))
                }
                return jsonResponse(text: body)
            }
        }

        // The canonical regime posture of each session in [from, to] with every voter's
        // reading and vote (the replay `signal` makes for that date).
        router.get("/api/v1/regime") { request, _ -> Response in
            _ = try env.tokens.authorize(request, .read)
            return try domain {
                let query = request.uri.queryParameters
                let to = try env.session(query.get("to"), name: "to")
                let from = try query.get("from").map { try ServerEnvironment.date($0, name: "from") } ?? to.adding(days: -30)
                guard from <= to else { throw Problem(.badRequest, detail: "from \(from) is after to \(to)") }
                guard to - from <= 366 else { throw Problem(.badRequest, detail: "at most 366 days per request (asked \(to - from))") }
                let market = try MemoryMarketStore.load(env.store, quoteDates: to...to)
                let engine = RegimeEngine(rules: env.ruleset.regime)
                let sessions = env.calendar.sessions.filter { (from...to).contains($0) }
                let decisions = try sessions.compactMap { try engine.replay(store: market, calendar: env.calendar, date: $0).last }
                return try jsonResponse(RegimePath(from: from, to: to, rulesetHash: env.ruleset.contentHash, decisions: decisions, disclaimer: Signal.disclaimer))
            }
        }

        // A stored series as known at `asOf` (point in time: observations published after it
        // are not returned).
        router.get("/api/v1/series/{symbol}") { request, context -> Response in
            _ = try env.tokens.authorize(request, .read)
            return try domain {
                let symbol = try context.parameters.require("symbol")
                let query = request.uri.queryParameters
                guard let entry = try env.store.catalog().first(where: { $0.symbol == symbol && ($0.family == "bars" || $0.family == "observations") })
                else { throw Problem(.notFound, detail: "no series '\(symbol)' in the store (GET /api/v1/series lists them)") }
                let to = try query.get("to").map { try ServerEnvironment.date($0, name: "to") } ?? entry.last ?? MarketDate(dayNumber: 0)
                let from = try query.get("from").map { try ServerEnvironment.date($0, name: "from") }
                let asOf = try query.get("asOf").map { try ServerEnvironment.date($0, name: "asOf") } ?? to
                if let from, from > to { throw Problem(.badRequest, detail: "from \(from) is after to \(to)") }
                let points: [SeriesPoint]
                if entry.family == "bars" {
                    points = try env.store.bars(symbol, from: from, asOf: asOf).filter { $0.date <= to }.map { SeriesPoint(date: $0.date, value: $0.close) }
                } else {
                    points = try env.store.observations(symbol, from: from, asOf: asOf).filter { $0.date <= to }.map { SeriesPoint(date: $0.date, value: $0.value) }
                }
                return try jsonResponse(Series(symbol: symbol, family: entry.family, frequency: entry.frequency, asOf: asOf, points: points))
            }
        }

        router.get("/api/v1/series") { request, _ -> Response in
            _ = try env.tokens.authorize(request, .read)
            let series = try env.store.catalog().filter { $0.family == "bars" || $0.family == "observations" }
            return try jsonResponse(series)
        }
    }

    struct RegimePath: Encodable {
        var from: MarketDate
        var to: MarketDate
        var rulesetHash: String
        var decisions: [RegimeDecision]
        var disclaimer: String
    }

    struct SeriesPoint: Encodable {
        var date: MarketDate
        var value: Double
    }

    struct Series: Encodable {
        var symbol: String
        var family: String
        var frequency: String
        var asOf: MarketDate
        var points: [SeriesPoint]
    }
}
