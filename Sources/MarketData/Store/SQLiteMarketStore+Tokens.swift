import GRDB

/// API tokens in the store (table `api_tokens`, migration v5): hashes only.
extension SQLiteMarketStore: TokenStore {
    public func addToken(_ token: APIToken) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO api_tokens (id, label, scope, hash, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [token.id, token.label, token.scope.rawValue, token.hash, token.createdAt])
        }
    }

    public func token(hash: String) throws -> APIToken? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, label, scope, hash, created_at FROM api_tokens WHERE hash = ?", arguments: [hash]).map { try Self.token($0) }
        }
    }

    public func tokens() throws -> [APIToken] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, label, scope, hash, created_at FROM api_tokens ORDER BY created_at, id").map { try Self.token($0) }
        }
    }

    public func revokeToken(id: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM api_tokens WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    static func token(_ row: Row) throws -> APIToken {
        // The CHECK constraint keeps the scope one of the three; anything else is a damaged store.
        let text: String = row[2]
        guard let scope = TokenScope(rawValue: text) else { throw StoreError.database("api_tokens: unknown scope '\(text)'") }
        return APIToken(id: row[0], label: row[1], scope: scope, hash: row[3], createdAt: row[4])
    }
}
