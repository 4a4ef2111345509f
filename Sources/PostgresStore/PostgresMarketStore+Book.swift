import MarketData
import PostgresNIO

/// The trader's book and the daily-run journal on PostgreSQL (the SQLite store's semantics:
/// fills appended in one transaction per call, one journal row per date and ruleset hash).
extension PostgresMarketStore: BookStore {
    public func addFills(_ files: [(file: String, fills: [BookFill])]) throws {
        try write { session in
            for (file, fills) in files {
                for (index, fill) in fills.enumerated() {
                    try session.execute(
                        """
                        INSERT INTO book_fills (date, symbol, quantity, price, fees_cents, cash_flow_cents, layer, file, line)
                        VALUES (\(fill.date.dayNumber), \(fill.symbol.description), \(fill.quantity), \(fill.price), \(Int(fill.fees.cents)),
                        \(Int(fill.cashFlow.cents)), \(fill.layer), \(file), \(index + 2))
                        """)
                }
            }
        }
    }

    public func fills(through date: MarketDate) throws -> [BookFill] {
        try read { session in
            try session.rows(
                "SELECT date, symbol, quantity, price, fees_cents, cash_flow_cents, layer FROM book_fills WHERE date <= \(date.dayNumber) ORDER BY date, id"
            ).map { row in
                let (day, text, quantity, price, fees, cashFlow, layer) = try row.decode((Int, String, Int, Double, Int, Int, String?).self)
                guard case .success(let symbol) = InstrumentSymbol.parse(text) else {
                    throw StoreError.database("book_fills holds an unreadable symbol '\(text)'")
                }
                var fill = BookFill(
                    date: MarketDate(dayNumber: day), symbol: symbol, quantity: quantity, price: price, fees: Cents(cents: Int64(fees)), layer: layer)
                fill.cashFlow = Cents(cents: Int64(cashFlow))
                return fill
            }
        }
    }

    public func recordJournal(_ entry: JournalEntry, alerts: [PendingAlert], now: Int) throws -> Bool {
        // The unique (date, ruleset_hash) key decides, atomically, whoever else is writing; the
        // alerts go in with the entry or not at all.
        try write { session in
            let recorded = try session.execute(
                """
                INSERT INTO journal (date, ruleset_hash, recorded_at, decision)
                VALUES (\(entry.date.dayNumber), \(entry.rulesetHash), \(entry.recordedAt), \(entry.decision))
                ON CONFLICT (date, ruleset_hash) DO NOTHING
                """) > 0
            guard recorded else { return false }
            for alert in alerts {
                _ = try Self.insertOutbox(session, event: alert.event, payload: alert.payload, messageID: alert.messageID, now: now)
            }
            return true
        }
    }

    public func journal(from: MarketDate, to: MarketDate) throws -> [JournalEntry] {
        try read { session in
            try session.rows(
                "SELECT date, ruleset_hash, recorded_at, decision FROM journal WHERE date BETWEEN \(from.dayNumber) AND \(to.dayNumber) ORDER BY date, id"
            ).map { row in
                let (date, hash, recordedAt, decision) = try row.decode((Int, String, String, String).self)
                return JournalEntry(date: MarketDate(dayNumber: date), rulesetHash: hash, recordedAt: recordedAt, decision: decision)
            }
        }
    }
}

/// API tokens on PostgreSQL: hashes only.
extension PostgresMarketStore: TokenStore {
    public func addToken(_ token: APIToken) throws {
        try write { session in
            try session.execute(
                "INSERT INTO api_tokens (id, label, scope, hash, created_at) VALUES (\(token.id), \(token.label), \(token.scope.rawValue), \(token.hash), \(token.createdAt))"
            )
        }
    }

    public func token(hash: String) throws -> APIToken? {
        try read { session in
            try session.rows("SELECT id, label, scope, hash, created_at FROM api_tokens WHERE hash = \(hash)").first.map(Self.token)
        }
    }

    public func tokens() throws -> [APIToken] {
        try read { session in
            try session.rows("SELECT id, label, scope, hash, created_at FROM api_tokens ORDER BY created_at, id").map(Self.token)
        }
    }

    public func revokeToken(id: String) throws -> Bool {
        try write { session in try session.execute("DELETE FROM api_tokens WHERE id = \(id)") > 0 }
    }

    static func token(_ row: PostgresRow) throws -> APIToken {
        let (id, label, text, hash, createdAt) = try row.decode((String, String, String, String, String).self)
        guard let scope = TokenScope(rawValue: text) else { throw StoreError.database("api_tokens: unknown scope '\(text)'") }
        return APIToken(id: id, label: label, scope: scope, hash: hash, createdAt: createdAt)
    }
}
