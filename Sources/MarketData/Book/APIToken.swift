/// What a bearer token of `vixshield serve` may do. Each scope includes the ones before it:
/// `read` reads; `trade` also posts fills and runs the day; `admin` also manages tokens and
/// webhooks.
public enum TokenScope: String, Sendable, Codable, CaseIterable, Comparable {
    case read, trade, admin

    var rank: Int {
        switch self {
        case .read: 0
        case .trade: 1
        case .admin: 2
        }
    }

    public static func < (a: TokenScope, b: TokenScope) -> Bool { a.rank < b.rank }

    /// Whether a token of this scope may do what `needed` allows.
    public func allows(_ needed: TokenScope) -> Bool { self >= needed }
}

/// A stored API token: never the token itself, only its SHA-256 (hex).
public struct APIToken: Sendable, Codable, Equatable {
    /// Public identifier (the first characters of the token are not it: the id is random too).
    public var id: String
    public var label: String
    public var scope: TokenScope
    /// SHA-256 of the token, lower-case hex.
    public var hash: String
    public var createdAt: String

    public init(id: String, label: String, scope: TokenScope, hash: String, createdAt: String) {
        (self.id, self.label, self.scope, self.hash, self.createdAt) = (id, label, scope, hash, createdAt)
    }
}

/// Where API tokens live (`SQLiteMarketStore` today).
public protocol TokenStore: Sendable {
    func addToken(_ token: APIToken) throws
    /// The token whose hash is `hash`, if any.
    func token(hash: String) throws -> APIToken?
    func tokens() throws -> [APIToken]
    /// Removes the token with this id; false when there was none.
    func revokeToken(id: String) throws -> Bool
}
