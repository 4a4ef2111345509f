import Foundation
import Hummingbird
import MarketData
import Strategy

/// Issues and checks the API's bearer tokens. A token is `vxs_` + 64 hex digits from the
/// system's cryptographic generator (256 bits); the store keeps only its SHA-256. A request's
/// token is hashed, looked up by that hash, and the stored hash compared with the computed one
/// in constant time (the lookup is keyed by a hash of the secret, so it reveals nothing about
/// the secret's characters).
public struct TokenAuthority: Sendable {
    let store: any TokenStore

    public init(store: any TokenStore) { self.store = store }

    /// Creates a token; the returned string is the only time it exists in clear.
    public func issue(scope: TokenScope, label: String, createdAt: String) throws -> (token: String, record: APIToken) {
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let id = (0..<6).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let token = "vxs_" + secret
        let record = APIToken(id: id, label: label, scope: scope, hash: SHA256.hex(token), createdAt: createdAt)
        try store.addToken(record)
        return (token, record)
    }

    /// The cookie the dashboard keeps the token in (HttpOnly, SameSite=Strict: a page of
    /// another site cannot make the browser send it, which is the dashboard's CSRF defence).
    static let cookie = "vixshield_token"

    /// The token's record, or a 401 problem; a 403 problem when its scope is below `needed`.
    /// The token comes from `Authorization: Bearer` (the scheme in any case); the dashboard's
    /// pages (`cookie: true`) also read its cookie. API routes never do, so a page of another
    /// origin cannot make a browser call them with the cookie.
    func authorize(_ request: Request, _ needed: TokenScope, cookie: Bool = false) throws -> APIToken {
        let presented: String
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            presented = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        } else if cookie, let value = request.cookies[Self.cookie]?.value, !value.isEmpty {
            presented = value
        } else {
            throw Problem(.unauthorized, detail: "send Authorization: Bearer <token> (create one with `vixshield token create`)")
        }
        return try check(presented, needed)
    }

    /// The record of `presented` if it is a live token allowing `needed` (also the login
    /// form's check); a 401 or 403 problem otherwise.
    @discardableResult
    func check(_ presented: String, _ needed: TokenScope) throws -> APIToken {
        let hash = SHA256.hex(presented)
        guard let record = try store.token(hash: hash), Self.constantTimeEqual(record.hash, hash) else {
            throw Problem(.unauthorized, detail: "unknown or revoked token")
        }
        guard record.scope.allows(needed) else {
            throw Problem(.forbidden, detail: "this needs a \(needed.rawValue) token; this one is \(record.scope.rawValue)")
        }
        return record
    }

    /// Equal strings in time that depends only on their lengths.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
