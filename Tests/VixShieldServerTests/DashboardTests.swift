import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MarketData
import Testing
@testable import VixShieldServer

/// The dashboard's pages in process: sign-in by cookie, each page's key elements, the
/// backtest form. (`Tools/dashboard/check.sh` renders them in headless Chromium in CI.)
@Suite(.serialized) struct DashboardTests {
    func cookie(_ token: String) -> HTTPFields { [.cookie: "\(TokenAuthority.cookie)=\(token)"] }

    @Test func pagesNeedASignInAndTheCookieIsHttpOnlyAndStrict() async throws {
        let fixture = try ServerFixture.get()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/login", method: .get) { #expect($0.status == .ok && $0.text.contains("id=\"login\"")) }
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=vxs_nope")) { response in
                #expect(response.status == .unauthorized && response.text.contains("unknown or revoked"))
            }
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=\(fixture.read)")) { response in
                #expect(response.status == .seeOther)
                let setCookie = response.headers[.setCookie] ?? ""
                #expect(setCookie.contains("\(TokenAuthority.cookie)=\(fixture.read)") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            }
        }
    }

    @Test func todayShowsTheRegimeVotersCondorLayersOrdersAndEvents() async throws {
        let fixture = try ServerFixture.get()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/?date=2018-02-06", method: .get, headers: cookie(fixture.read)) { response in
                #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix("text/html") == true)
                let page = response.text
                for id in ["id=\"today\"", "id=\"regime\"", "id=\"voters\"", "id=\"condor\"", "id=\"layers\"", "id=\"orders\"", "id=\"events\"", "<svg"] {
                    #expect(page.contains(id), "missing \(id)")
                }
                #expect(page.contains("vix_macd") && page.contains("not investment advice"))
                #expect(page.contains("name=\"viewport\"") && page.contains("prefers-color-scheme: dark"))
                #expect(!page.contains("<script"), "no scripts")
            }
        }
    }

    @Test func bookJournalAndABacktestFromTheForm() async throws {
        let fixture = try RouteTests.writableFixture()
        try await fixture.app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/book/fills", method: .post, headers: fixture.headers(fixture.trade, json: true), body: ByteBuffer(string: RouteTests.fills)
            ) { #expect($0.status == .created) }
            try await client.execute(uri: "/book?date=2018-02-06", method: .get, headers: cookie(fixture.read)) { response in
                let page = response.text
                #expect(response.status == .ok)
                for id in ["id=\"book\"", "id=\"positions\"", "id=\"layers\"", "id=\"risk-graph\"", "<polyline"] { #expect(page.contains(id), "missing \(id)") }
                #expect(page.contains("SPX   180216P02600000"))
            }
            try await client.execute(uri: "/journal", method: .get, headers: cookie(fixture.read)) { #expect($0.text.contains("The journal is empty")) }
            // A read token cannot start a backtest; a trade token can, and the page follows it.
            let form = ByteBuffer(string: "from=2017-10-02&to=2017-10-31")
            var headers = cookie(fixture.read)
            headers[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/backtests", method: .post, headers: headers, body: form) { #expect($0.status == .forbidden) }
            headers = cookie(fixture.trade)
            headers[.contentType] = "application/x-www-form-urlencoded"
            var location = ""
            try await client.execute(uri: "/backtests", method: .post, headers: headers, body: form) { response in
                #expect(response.status == .seeOther)
                location = response.headers[.location] ?? ""
            }
            #expect(location.hasPrefix("/backtests/bt-"))
            var done = false
            for _ in 0..<600 where !done {
                try await Task.sleep(for: .milliseconds(200))
                try await client.execute(uri: location, method: .get, headers: cookie(fixture.read)) { response in
                    done = response.text.contains("id=\"report-link\"")
                    if !done { #expect(response.text.contains("http-equiv=\"refresh\"")) }
                }
            }
            #expect(done)
            try await client.execute(uri: location + "/report", method: .get, headers: cookie(fixture.read)) { #expect($0.text.contains("<svg")) }
        }
    }

    /// The cookie signs in the dashboard only: API routes ignore it, a cross-site form post is
    /// refused, and signing in by link is only offered on loopback.
    @Test func theCookieIsNoKeyToTheAPIAndCrossSitePostsAreRefused() async throws {
        let fixture = try ServerFixture.get()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/v1/journal", method: .get, headers: cookie(fixture.trade)) { #expect($0.status == .unauthorized) }
            var headers = cookie(fixture.trade)
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            try await client.execute(uri: "/backtests", method: .post, headers: headers, body: ByteBuffer(string: "from=2017-10-02&to=2017-10-31")) {
                #expect($0.status == .forbidden)
            }
            headers[HTTPField.Name("Sec-Fetch-Site")!] = nil
            headers[.origin] = "http://evil.test"
            try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: "token=\(fixture.read)")) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/login/token?token=\(fixture.read)", method: .get) { #expect($0.status == .seeOther) }
        }
        try await buildApplication(fixture.environment, host: "0.0.0.0").test(.router) { client in
            try await client.execute(uri: "/login/token?token=\(fixture.read)", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
