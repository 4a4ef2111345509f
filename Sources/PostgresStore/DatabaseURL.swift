import Foundation
import MarketData
import NIOSSL
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…` URL (also `postgresql://`), as
/// libpq writes it. `sslmode`: `disable` (the default, for loopback), `require` (encrypted, the
/// server's certificate not checked, as libpq) or `verify-full` (encrypted and checked).
/// Percent-escapes in the user and password are decoded.
public struct DatabaseURL: Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let username: String
    let password: String?
    public let database: String
    public let sslMode: String

    public init(_ text: String) throws {
        func bad(_ why: String) -> StoreError { .cannotOpen(path: Self.redact(text), reason: why) }
        guard let components = URLComponents(string: text), let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw bad("not a postgres:// URL (expected postgres://user:password@host:port/database)")
        }
        guard let host = components.host, !host.isEmpty else { throw bad("the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw bad("the URL names no user") }
        let name = String(components.path.drop(while: { $0 == "/" }))
        guard !name.isEmpty, !name.contains("/") else { throw bad("the URL names no database (…/database)") }
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        guard ["disable", "require", "verify-full"].contains(mode) else {
            throw bad("sslmode '\(mode)' is not supported (disable, require or verify-full)")
        }
        if let port = components.port, !(1...65535).contains(port) { throw bad("port \(port) is out of range") }
        self.host = host
        port = components.port ?? 5432
        // URLComponents' `user` and `password` are already decoded: decode the raw text once.
        username = components.percentEncodedUser?.removingPercentEncoding ?? user
        password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 }
        database = name
        sslMode = mode
    }

    /// The URL without its password: what messages and logs may show.
    public var description: String { "postgres://\(username)@\(host):\(port)/\(database)?sslmode=\(sslMode)" }

    static func redact(_ text: String) -> String {
        guard var components = URLComponents(string: text) else { return "the database URL" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "the database URL"
    }

    func configuration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case "require":
            var settings = TLSConfiguration.makeClientConfiguration()
            settings.certificateVerification = .none
            tls = .require(try NIOSSLContext(configuration: settings))
        case "verify-full":
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default:
            tls = .disable
        }
        return PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}
