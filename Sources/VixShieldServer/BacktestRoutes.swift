import Foundation
import Hummingbird
import MarketData

/// `POST /api/v1/backtests` (trade) starts one; `GET /api/v1/backtests/{id}` (read) its status
/// with progress, then the summaries and the report's link; `GET …/{id}/report` the HTML.
enum BacktestRoutes {
    struct StartBody: Decodable {
        var from: String?
        var to: String?
    }

    /// The backtest's dates from a request (default 2007-01-03 .. the latest session), clamped to
    /// the store's last session; a 400 or 422 problem when they hold no session.
    static func range(from fromText: String?, to toText: String?, env: ServerEnvironment) throws -> (MarketDate, MarketDate) {
        try domain {
            let last = try env.store.latestSession()
            let to = try toText.flatMap { $0.isEmpty ? nil : $0 }.map { try ServerEnvironment.date($0, name: "to") } ?? last
            let from = try fromText.flatMap { $0.isEmpty ? nil : $0 }.map { try ServerEnvironment.date($0, name: "from") } ?? MarketDate(year: 2007, month: 1, day: 3)!
            guard from <= to else { throw Problem(.badRequest, detail: "from \(from) is after to \(to)") }
            guard let first = env.calendar.sessions.first(where: { $0 >= from }), first <= to, from <= last else {
                throw Problem(.unprocessable, detail: "no session with S&P 500 and VIX closes in \(from) .. \(to)")
            }
            return (from, min(to, last))
        }
    }

    static func add(to router: Router<BasicRequestContext>, _ env: ServerEnvironment) {
        router.post("/api/v1/backtests") { request, context -> Response in
            _ = try env.tokens.authorize(request, .trade)
            let body = try await BookRoutes.jsonBody(StartBody.self, request, context)
            let (from, to) = try range(from: body.from, to: body.to, env: env)
            let status = try await env.jobs.start(from: from, to: to, env: env)
            var response = try jsonResponse(status, status: .accepted)
            response.headers[.location] = "/api/v1/backtests/\(status.id)"
            return response
        }

        router.get("/api/v1/backtests/{id}") { request, context -> Response in
            _ = try env.tokens.authorize(request, .read)
            let id = try context.parameters.require("id")
            guard let status = try await env.jobs.status(id) else { throw Problem(.notFound, detail: "no backtest '\(id)'") }
            return try jsonResponse(status)
        }

        router.get("/api/v1/backtests/{id}/report") { request, context -> Response in
            _ = try env.tokens.authorize(request, .read)
            let id = try context.parameters.require("id")
            guard let html = try await env.jobs.report(id) else { throw Problem(.notFound, detail: "no report for '\(id)' (not finished, or unknown)") }
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        }
    }
}
