import Backtest
import Foundation
import HTTPTypes
import Hummingbird
import MarketData
import Strategy

/// The dashboard: `/` (today), `/book`, `/journal`, `/backtests` (start one, watch it, open
/// its report), `/login`. Pages read the same library results as the API; a page without a
/// valid token cookie redirects to `/login`.
enum DashboardRoutes {
    static func add(to router: Router<BasicRequestContext>, _ env: ServerEnvironment, _ dashboard: Dashboard) {
        @Sendable func page(_ request: Request, _ scope: TokenScope = .read, _ body: () async throws -> Response) async throws -> Response {
            try await Self.page(env, request, scope, body)
        }

        router.get("/login") { _, _ -> Response in
            Self.html(dashboard.render("login", title: "sign in", nav: "", values: [:], disclaimer: Signal.disclaimer))
        }
        // The form posts the token; a valid one goes into an HttpOnly, SameSite=Strict cookie.
        // (GET /login?token=… does the same for scripts and bookmarks on loopback.)
        @Sendable func login(_ token: String) -> Response {
            do {
                try env.tokens.check(token, .read)
            } catch {
                return Self.html(
                    dashboard.render("login", title: "sign in", nav: "", values: ["error": "That token is unknown or revoked."], disclaimer: Signal.disclaimer),
                    status: .unauthorized)
            }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(Cookie(name: TokenAuthority.cookie, value: token, maxAge: 8 * 3600, path: "/", secure: false, httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/login") { request, _ -> Response in
            try requireSameOrigin(request)
            let form = try await formBody(request)
            return login(form["token"] ?? "")
        }
        // Only when the server listens on loopback (the token is in the URL).
        router.get("/login/token") { request, _ -> Response in
            guard env.loopback else { throw Problem(.notFound, detail: "signing in by link is only offered on loopback") }
            return login(request.uri.queryParameters.get("token") ?? "")
        }

        router.get("/") { request, _ -> Response in
            try await page(request) {
                let values = try domain { try TodayPage.values(env: env, date: request.uri.queryParameters.get("date")) }
                return Self.html(dashboard.render("today", title: "today", nav: "today", values: values, disclaimer: Signal.disclaimer))
            }
        }
        router.get("/book") { request, _ -> Response in
            try await page(request) {
                let values = try domain { try BookPage.values(env: env, date: request.uri.queryParameters.get("date")) }
                return Self.html(dashboard.render("book", title: "book", nav: "book", values: values, disclaimer: Signal.disclaimer))
            }
        }
        router.get("/journal") { request, _ -> Response in
            try await page(request) {
                let values = try domain { try JournalPage.values(env: env) }
                return Self.html(dashboard.render("journal", title: "journal", nav: "journal", values: values, disclaimer: Signal.disclaimer))
            }
        }
        router.get("/backtests") { request, _ -> Response in
            try await page(request) {
                let last = try env.store.latestSession()
                return Self.html(
                    dashboard.render(
                        "backtests", title: "backtests", nav: "backtests", values: ["from": "2007-01-03", "to": last.description],
                        disclaimer: Signal.disclaimer))
            }
        }
        router.post("/backtests") { request, _ -> Response in
            try await page(request, .trade) {
                let form = try await formBody(request)
                let (from, to) = try BacktestRoutes.range(from: form["from"], to: form["to"], env: env)
                let status = try await env.jobs.start(from: from, to: to, env: env)
                return Response(status: .seeOther, headers: [.location: "/backtests/\(status.id)"])
            }
        }
        router.get("/backtests/{id}") { request, context -> Response in
            try await page(request) {
                let id = try context.parameters.require("id")
                guard let status = try await env.jobs.status(id) else { throw Problem(.notFound, detail: "no backtest '\(id)'") }
                let running = status.state == "queued" || status.state == "running"
                let values: [String: Any] = ["from": status.from.description, "to": status.to.description, "job": BacktestPage.values(status)]
                return Self.html(
                    dashboard.render(
                        "backtests", title: "backtest \(id)", nav: "backtests", values: values, refreshSeconds: running ? 2 : nil,
                        disclaimer: Signal.disclaimer))
            }
        }
        router.get("/backtests/{id}/report") { request, context -> Response in
            try await page(request) {
                let id = try context.parameters.require("id")
                guard let report = try await env.jobs.report(id) else { throw Problem(.notFound, detail: "no report for '\(id)'") }
                return Self.html(report)
            }
        }
    }

    /// A dashboard page: its body, or a redirect to `/login` without a valid token cookie.
    static func page(
        _ env: ServerEnvironment, _ request: Request, _ scope: TokenScope, _ body: () async throws -> Response
    ) async throws -> Response {
        do {
            _ = try env.tokens.authorize(request, scope, cookie: true)
        } catch let problem as Problem where problem.code == 401 {
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        if request.method == .post { try requireSameOrigin(request) }
        return try await body()
    }

    /// A form POST must come from the dashboard's own pages: `Sec-Fetch-Site` (sent by
    /// browsers) same-origin or none, and `Origin`, when sent, this server's. SameSite=Strict
    /// alone would let another port of the same host post with the cookie.
    static func requireSameOrigin(_ request: Request) throws {
        if let name = HTTPField.Name("Sec-Fetch-Site"), let site = request.headers[name], !["same-origin", "none"].contains(site.lowercased()) {
            throw Problem(.forbidden, detail: "cross-site form posts are refused")
        }
        if let origin = request.headers[.origin], let host = request.head.authority, origin != "http://\(host)", origin != "https://\(host)" {
            throw Problem(.forbidden, detail: "form posts from another origin are refused")
        }
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// An `application/x-www-form-urlencoded` body (at most 1 MiB).
    static func formBody(_ request: Request) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: maximumBodyBytes)
        var form: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if let key = parts.first { form[key] = parts.count > 1 ? parts[1] : "" }
        }
        return form
    }
}
