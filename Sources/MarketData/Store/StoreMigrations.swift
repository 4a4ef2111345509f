import GRDB

/// The schema. Migrations are append-only: a released migration is never edited; changes go in
/// a new one. Dates are stored as day numbers (days since 1970-01-01) so ranges are integer
/// comparisons; `known_date` is each value's publication date (see `PublicationLag`).
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE series (
                        symbol TEXT PRIMARY KEY NOT NULL,
                        family TEXT NOT NULL CHECK (family IN ('bars', 'observations')),
                        frequency TEXT NOT NULL,
                        lag_days INTEGER NOT NULL,
                        source TEXT NOT NULL
                    );
                    CREATE TABLE bars (
                        symbol TEXT NOT NULL REFERENCES series(symbol),
                        date INTEGER NOT NULL,
                        open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL,
                        adj_close REAL, volume REAL,
                        PRIMARY KEY (symbol, date)
                    ) WITHOUT ROWID;
                    CREATE TABLE observations (
                        symbol TEXT NOT NULL REFERENCES series(symbol),
                        date INTEGER NOT NULL,
                        known_date INTEGER NOT NULL,
                        value REAL NOT NULL,
                        PRIMARY KEY (symbol, date)
                    ) WITHOUT ROWID;
                    CREATE INDEX observations_by_known_date ON observations(symbol, known_date);
                    CREATE TABLE treasury_curves (
                        date INTEGER PRIMARY KEY NOT NULL,
                        m1 REAL, m3 REAL, m6 REAL, y1 REAL, y2 REAL, y3 REAL, y5 REAL, y7 REAL, y10 REAL, y20 REAL, y30 REAL
                    );
                    CREATE TABLE events (
                        date INTEGER NOT NULL,
                        event TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        time_et TEXT,
                        PRIMARY KEY (date, event)
                    ) WITHOUT ROWID;
                    CREATE TABLE sessions (
                        date INTEGER PRIMARY KEY NOT NULL,
                        open_utc INTEGER NOT NULL,
                        close_utc INTEGER NOT NULL
                    );
                    CREATE TABLE option_quotes (
                        underlying TEXT NOT NULL,
                        quote_date INTEGER NOT NULL,
                        expiry INTEGER NOT NULL,
                        strike REAL NOT NULL,
                        option_right TEXT NOT NULL CHECK (option_right IN ('C', 'P')),
                        bid REAL NOT NULL,
                        ask REAL NOT NULL,
                        underlying_price REAL, implied_volatility REAL, delta REAL, volume REAL, open_interest REAL,
                        PRIMARY KEY (underlying, quote_date, expiry, strike, option_right)
                    ) WITHOUT ROWID;
                    CREATE TABLE imports (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        symbol TEXT NOT NULL,
                        file TEXT NOT NULL,
                        row_count INTEGER NOT NULL,
                        first_date INTEGER,
                        last_date INTEGER
                    );
                    """)
        }
        // v2: bars may lack open/high/low (close-only sources), and VIX futures settlements.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bars_v2 (
                        symbol TEXT NOT NULL REFERENCES series(symbol),
                        date INTEGER NOT NULL,
                        open REAL, high REAL, low REAL, close REAL NOT NULL,
                        adj_close REAL, volume REAL,
                        PRIMARY KEY (symbol, date)
                    ) WITHOUT ROWID;
                    INSERT INTO bars_v2 SELECT * FROM bars;
                    DROP TABLE bars;
                    ALTER TABLE bars_v2 RENAME TO bars;
                    CREATE TABLE futures_settlements (
                        root TEXT NOT NULL,
                        date INTEGER NOT NULL,
                        expiry INTEGER NOT NULL,
                        settle REAL NOT NULL,
                        PRIMARY KEY (root, date, expiry)
                    ) WITHOUT ROWID;
                    """)
        }
        // v3: the trader's book (fills), kept apart from market data.
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE book_fills (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        date INTEGER NOT NULL,
                        symbol TEXT NOT NULL,
                        quantity INTEGER NOT NULL,
                        price REAL NOT NULL,
                        fees_cents INTEGER NOT NULL,
                        cash_flow_cents INTEGER NOT NULL,
                        layer TEXT,
                        file TEXT NOT NULL,
                        line INTEGER NOT NULL
                    );
                    CREATE INDEX book_fills_date ON book_fills(date);
                    """)
        }
        // v4: the daily-run journal, one row per (date, ruleset hash).
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    CREATE TABLE journal (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        date INTEGER NOT NULL,
                        ruleset_hash TEXT NOT NULL,
                        recorded_at TEXT NOT NULL,
                        decision TEXT NOT NULL,
                        UNIQUE (date, ruleset_hash)
                    );
                    """)
        }
        // API tokens for `vixshield serve`: only the SHA-256 of a token is kept.
        migrator.registerMigration("v5") { db in
            try db.execute(
                sql: """
                    CREATE TABLE api_tokens (
                        id TEXT PRIMARY KEY,
                        label TEXT NOT NULL,
                        scope TEXT NOT NULL CHECK (scope IN ('read', 'trade', 'admin')),
                        hash TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL
                    );
                    """)
        }
        // Webhook subscriptions, their outbox (at-least-once delivery) and every attempt.
        migrator.registerMigration("v6") { db in
            try db.execute(
                sql: """
                    CREATE TABLE webhooks (
                        id TEXT PRIMARY KEY,
                        url TEXT NOT NULL,
                        secret TEXT NOT NULL,
                        events TEXT NOT NULL,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE webhook_outbox (
                        id TEXT PRIMARY KEY,
                        webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
                        event TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at INTEGER NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed'))
                    );
                    CREATE INDEX webhook_outbox_due ON webhook_outbox (state, next_attempt_at);
                    CREATE TABLE webhook_attempts (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        message_id TEXT NOT NULL REFERENCES webhook_outbox(id) ON DELETE CASCADE,
                        attempted_at INTEGER NOT NULL,
                        status INTEGER,
                        error TEXT
                    );
                    """)
        }
        // A counter every write transaction through the store bumps: a cache of results
        // computed from the store (the server's signal responses) is valid while it holds.
        migrator.registerMigration("v7") { db in
            try db.execute(
                sql: """
                    CREATE TABLE store_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                    INSERT INTO store_generation (id, value) VALUES (1, 0);
                    """)
        }
        // Backtest jobs of `vixshield serve`, shared by every replica on the store.
        migrator.registerMigration("v8") { db in
            try db.execute(
                sql: """
                    CREATE TABLE backtest_jobs (
                        id TEXT PRIMARY KEY,
                        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
                        progress REAL NOT NULL,
                        from_date INTEGER NOT NULL,
                        to_date INTEGER NOT NULL,
                        created_at INTEGER NOT NULL,
                        heartbeat_at INTEGER NOT NULL,
                        owner TEXT NOT NULL,
                        summaries TEXT,
                        error TEXT,
                        report TEXT
                    );
                    CREATE INDEX backtest_jobs_state ON backtest_jobs (state, created_at);
                    """)
        }
        // Option quotes one row per strike (call and put side by side): half the rows a chain
        // import writes. The old rows are carried over, a strike's call and put joined.
        migrator.registerMigration("v9") { db in
            try db.execute(
                sql: """
                    CREATE TABLE option_strikes (
                        underlying TEXT NOT NULL,
                        quote_date INTEGER NOT NULL,
                        expiry INTEGER NOT NULL,
                        strike REAL NOT NULL,
                        c_bid REAL, c_ask REAL, c_underlying_price REAL, c_implied_volatility REAL, c_delta REAL, c_volume REAL, c_open_interest REAL,
                        p_bid REAL, p_ask REAL, p_underlying_price REAL, p_implied_volatility REAL, p_delta REAL, p_volume REAL, p_open_interest REAL,
                        PRIMARY KEY (underlying, quote_date, expiry, strike),
                        CHECK (c_bid IS NOT NULL OR p_bid IS NOT NULL),
                        CHECK ((c_bid IS NULL) = (c_ask IS NULL) AND (p_bid IS NULL) = (p_ask IS NULL))
                    ) WITHOUT ROWID;
                    INSERT INTO option_strikes
                    SELECT underlying, quote_date, expiry, strike,
                      MAX(CASE WHEN option_right = 'C' THEN bid END), MAX(CASE WHEN option_right = 'C' THEN ask END), MAX(CASE WHEN option_right = 'C' THEN underlying_price END), MAX(CASE WHEN option_right = 'C' THEN implied_volatility END), MAX(CASE WHEN option_right = 'C' THEN delta END), MAX(CASE WHEN option_right = 'C' THEN volume END), MAX(CASE WHEN option_right = 'C' THEN open_interest END),
                      MAX(CASE WHEN option_right = 'P' THEN bid END), MAX(CASE WHEN option_right = 'P' THEN ask END), MAX(CASE WHEN option_right = 'P' THEN underlying_price END), MAX(CASE WHEN option_right = 'P' THEN implied_volatility END), MAX(CASE WHEN option_right = 'P' THEN delta END), MAX(CASE WHEN option_right = 'P' THEN volume END), MAX(CASE WHEN option_right = 'P' THEN open_interest END)
                    FROM option_quotes GROUP BY underlying, quote_date, expiry, strike;
                    DROP TABLE option_quotes;
                    """)
        }
        return migrator
    }
}
