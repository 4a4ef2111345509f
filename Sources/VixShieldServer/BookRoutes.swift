import Backtest
import Foundation
import Hummingbird
import MarketData
import Strategy

/// `GET /api/v1/book`, `GET /api/v1/journal` (read); `POST /api/v1/book/fills`,
/// `POST /api/v1/run` (trade).
enum BookRoutes {
    /// One fill of `POST /api/v1/book/fills`: the `book import` columns.
    struct FillRow: Decodable {
        var date: String
        var symbol: String
        var quantity: Int
        var price: Double
        var fees: Double
        var layer: String?
    }

    struct FillsBody: Decodable {
        var fills: [FillRow]
        /// Fills dated after this day are refused (default: the latest session in the store).
        var asOf: String?
    }

    static func add(to router: Router<BasicRequestContext>, _ env: ServerEnvironment) {
        router.get("/api/v1/book") { request, _ -> Response in
            _ = try env.tokens.authorize(request, .read)
            return try domain {
                let date = try env.session(request.uri.queryParameters.get("date"))
                let fills = try env.store.fills(through: date)
                return try jsonResponse(try BookValuation.value(fills: fills, date: date, store: env.store, calendar: env.calendar))
            }
        }

        // All or nothing: the rows go through the same importer as `book import` (a CSV of the
        // same columns), so the same rows are refused with the same reasons; `errors[].row`
        // is the 1-based index of the row in `fills`.
        router.post("/api/v1/book/fills") { request, context -> Response in
            _ = try env.tokens.authorize(request, .trade)
            let body = try await jsonBody(FillsBody.self, request, context)
            return try domain {
                guard !body.fills.isEmpty else { throw Problem(.badRequest, detail: "'fills' is empty") }
                let asOf = try body.asOf.map { try ServerEnvironment.date($0, name: "asOf") } ?? env.store.latestSession()
                var csv = "date,symbol,quantity,price,fees,layer\n"
                for (index, row) in body.fills.enumerated() {
                    for (field, text) in [("date", row.date), ("symbol", row.symbol), ("layer", row.layer ?? "")]
                    where text.contains(",") || text.contains("\n") || text.contains("\"") {
                        throw Problem(.unprocessable, detail: "fills[\(index + 1)].\(field) holds a comma, quote or newline",
                                      errors: [Problem.FieldError(row: index + 1, field: field, reason: "no commas, quotes or newlines")])
                    }
                    guard row.price.isFinite, row.fees.isFinite else {
                        throw Problem(.unprocessable, detail: "fills[\(index + 1)]: price and fees must be finite numbers",
                                      errors: [Problem.FieldError(row: index + 1, field: "price", reason: "not finite")])
                    }
                    csv += "\(row.date),\(row.symbol),\(row.quantity),\(row.price),\(row.fees),\(row.layer ?? "")\n"
                }
                let fills = try BookImporter(asOf: asOf, calendar: env.calendar).parse(Array(csv.utf8), file: "request body")
                let (summaries, _) = try BookIntake.add([(file: "request body", fills: fills)], to: env.store)
                return try jsonResponse(summaries[0], status: .created)
            }
        }

        router.get("/api/v1/journal") { request, _ -> Response in
            _ = try env.tokens.authorize(request, .read)
            let query = request.uri.queryParameters
            let from = try query.get("from").map { try ServerEnvironment.date($0, name: "from") } ?? MarketDate(dayNumber: Int.min / 2)
            let to = try query.get("to").map { try ServerEnvironment.date($0, name: "to") } ?? MarketDate(dayNumber: Int.max / 2)
            guard from <= to else { throw Problem(.badRequest, detail: "from \(from) is after to \(to)") }
            // The same bytes as `journal --json`.
            return jsonResponse(text: try domain { try JournalJSON.render(try env.store.journal(from: from, to: to)) })
        }

        // The daily run, idempotent as on the CLI: 201 when recorded, 200 when that date and
        // ruleset were already in the journal (nothing written).
        router.post("/api/v1/run") { request, _ -> Response in
            _ = try env.tokens.authorize(request, .trade)
            return try domain {
                let date = try env.session(request.uri.queryParameters.get("date"))
                let market = try MemoryMarketStore.load(env.store, quoteDates: date...date)
                // Alerts (regime change, orders, a failure) go to the webhook outbox.
                // A failure alerts subscribers only for the latest session (the day's real run),
                // not for any date a client asks about.
                let latest = try env.store.latestSession()
                let outcome = try RunAlerts.run(
                    market: market, book: env.store, calendar: env.calendar, date: date, ruleset: env.ruleset, now: Date(), alertOnFailure: date >= latest)
                return try jsonResponse(RunResult(recorded: outcome.recorded, record: outcome.record), status: outcome.recorded ? .created : .ok)
            }
        }
    }

    struct RunResult: Encodable {
        var recorded: Bool
        var record: DailyRun.Record
    }

    /// Reads a JSON body of at most 1 MiB (413 beyond), as `T` (400 naming the field on a
    /// wrong shape, 415 without a JSON content type).
    static func jsonBody<T: Decodable>(_ type: T.Type, _ request: Request, _ context: some RequestContext) async throws -> T {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("application/json") else {
            throw Problem(.unsupportedMediaType, detail: "send Content-Type: application/json")
        }
        let buffer = try await request.body.collect(upTo: maximumBodyBytes)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, context) {
            throw Problem(.badRequest, detail: "missing field '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw Problem(.badRequest, detail: "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type")
        } catch let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Problem(.badRequest, detail: path.isEmpty ? "the body is not valid JSON" : "field '\(path)' is not valid")
        } catch {
            throw Problem(.badRequest, detail: "the body could not be read as JSON")
        }
    }
}
