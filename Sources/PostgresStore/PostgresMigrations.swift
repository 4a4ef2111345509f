import Foundation
import PostgresNIO

/// The PostgreSQL schema: the SQLite store's tables (see `StoreMigrations`) with PostgreSQL
/// types (day numbers and counts BIGINT, prices DOUBLE PRECISION, text in the "C" collation so
/// every ORDER BY sorts bytes, as SQLite does, whatever the server's locale). Migrations are append-only
/// and recorded in `schema_migrations`: a released one is never edited; a change is a new one.
/// They run under an advisory lock, so processes starting together migrate once.
enum PostgresMigrations {
    /// Key of the advisory lock that serialises migrations and market-data imports.
    static let lockKey = 7_264_011

    static let all: [(version: String, sql: String)] = [
        (
            "v1",
            """
            CREATE TABLE series (
                symbol TEXT COLLATE "C" PRIMARY KEY,
                family TEXT COLLATE "C" NOT NULL CHECK (family IN ('bars', 'observations')),
                frequency TEXT COLLATE "C" NOT NULL,
                lag_days BIGINT NOT NULL,
                source TEXT COLLATE "C" NOT NULL
            );
            CREATE TABLE bars (
                symbol TEXT COLLATE "C" NOT NULL REFERENCES series(symbol),
                date BIGINT NOT NULL,
                open DOUBLE PRECISION, high DOUBLE PRECISION, low DOUBLE PRECISION, close DOUBLE PRECISION NOT NULL,
                adj_close DOUBLE PRECISION, volume DOUBLE PRECISION,
                PRIMARY KEY (symbol, date)
            );
            CREATE TABLE observations (
                symbol TEXT COLLATE "C" NOT NULL REFERENCES series(symbol),
                date BIGINT NOT NULL,
                known_date BIGINT NOT NULL,
                value DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (symbol, date)
            );
            CREATE INDEX observations_by_known_date ON observations (symbol, known_date);
            CREATE TABLE treasury_curves (
                date BIGINT PRIMARY KEY,
                m1 DOUBLE PRECISION, m3 DOUBLE PRECISION, m6 DOUBLE PRECISION, y1 DOUBLE PRECISION, y2 DOUBLE PRECISION,
                y3 DOUBLE PRECISION, y5 DOUBLE PRECISION, y7 DOUBLE PRECISION, y10 DOUBLE PRECISION, y20 DOUBLE PRECISION,
                y30 DOUBLE PRECISION
            );
            CREATE TABLE events (
                date BIGINT NOT NULL,
                event TEXT COLLATE "C" NOT NULL,
                kind TEXT COLLATE "C" NOT NULL,
                time_et TEXT COLLATE "C",
                PRIMARY KEY (date, event)
            );
            CREATE TABLE sessions (
                date BIGINT PRIMARY KEY,
                open_utc BIGINT NOT NULL,
                close_utc BIGINT NOT NULL
            );
            CREATE TABLE option_quotes (
                underlying TEXT COLLATE "C" NOT NULL,
                quote_date BIGINT NOT NULL,
                expiry BIGINT NOT NULL,
                strike DOUBLE PRECISION NOT NULL,
                option_right TEXT COLLATE "C" NOT NULL CHECK (option_right IN ('C', 'P')),
                bid DOUBLE PRECISION NOT NULL,
                ask DOUBLE PRECISION NOT NULL,
                underlying_price DOUBLE PRECISION, implied_volatility DOUBLE PRECISION, delta DOUBLE PRECISION,
                volume DOUBLE PRECISION, open_interest DOUBLE PRECISION,
                PRIMARY KEY (underlying, quote_date, expiry, strike, option_right)
            );
            CREATE TABLE futures_settlements (
                root TEXT COLLATE "C" NOT NULL,
                date BIGINT NOT NULL,
                expiry BIGINT NOT NULL,
                settle DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (root, date, expiry)
            );
            CREATE TABLE imports (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind TEXT COLLATE "C" NOT NULL,
                symbol TEXT COLLATE "C" NOT NULL,
                file TEXT COLLATE "C" NOT NULL,
                row_count BIGINT NOT NULL,
                first_date BIGINT,
                last_date BIGINT
            );
            CREATE TABLE book_fills (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                date BIGINT NOT NULL,
                symbol TEXT COLLATE "C" NOT NULL,
                quantity BIGINT NOT NULL,
                price DOUBLE PRECISION NOT NULL,
                fees_cents BIGINT NOT NULL,
                cash_flow_cents BIGINT NOT NULL,
                layer TEXT COLLATE "C",
                file TEXT COLLATE "C" NOT NULL,
                line BIGINT NOT NULL
            );
            CREATE INDEX book_fills_date ON book_fills (date);
            CREATE TABLE journal (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                date BIGINT NOT NULL,
                ruleset_hash TEXT COLLATE "C" NOT NULL,
                recorded_at TEXT COLLATE "C" NOT NULL,
                decision TEXT COLLATE "C" NOT NULL,
                UNIQUE (date, ruleset_hash)
            );
            CREATE TABLE api_tokens (
                id TEXT COLLATE "C" PRIMARY KEY,
                label TEXT COLLATE "C" NOT NULL,
                scope TEXT COLLATE "C" NOT NULL CHECK (scope IN ('read', 'trade', 'admin')),
                hash TEXT COLLATE "C" NOT NULL UNIQUE,
                created_at TEXT COLLATE "C" NOT NULL
            );
            CREATE TABLE webhooks (
                id TEXT COLLATE "C" PRIMARY KEY,
                url TEXT COLLATE "C" NOT NULL,
                secret TEXT COLLATE "C" NOT NULL,
                events TEXT COLLATE "C" NOT NULL,
                created_at TEXT COLLATE "C" NOT NULL
            );
            CREATE TABLE webhook_outbox (
                id TEXT COLLATE "C" PRIMARY KEY,
                webhook_id TEXT COLLATE "C" NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
                event TEXT COLLATE "C" NOT NULL,
                payload TEXT COLLATE "C" NOT NULL,
                created_at BIGINT NOT NULL,
                attempts BIGINT NOT NULL DEFAULT 0,
                next_attempt_at BIGINT NOT NULL,
                state TEXT COLLATE "C" NOT NULL CHECK (state IN ('pending', 'delivered', 'failed'))
            );
            CREATE INDEX webhook_outbox_due ON webhook_outbox (state, next_attempt_at);
            CREATE TABLE webhook_attempts (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                message_id TEXT COLLATE "C" NOT NULL REFERENCES webhook_outbox(id) ON DELETE CASCADE,
                attempted_at BIGINT NOT NULL,
                status BIGINT,
                error TEXT COLLATE "C"
            );
            CREATE TABLE store_generation (id BIGINT PRIMARY KEY CHECK (id = 1), value BIGINT NOT NULL);
            INSERT INTO store_generation (id, value) VALUES (1, 0);
            """
        ),
        (
            "v2",
            """
            CREATE TABLE backtest_jobs (
                id TEXT COLLATE "C" PRIMARY KEY,
                state TEXT COLLATE "C" NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
                progress DOUBLE PRECISION NOT NULL,
                from_date BIGINT NOT NULL,
                to_date BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                heartbeat_at BIGINT NOT NULL,
                owner TEXT COLLATE "C" NOT NULL,
                summaries TEXT COLLATE "C",
                error TEXT COLLATE "C",
                report TEXT COLLATE "C"
            );
            CREATE INDEX backtest_jobs_state ON backtest_jobs (state, created_at);
            """
        ),
        (
            // Market-data imports counted apart: the in-memory market copy is read again only
            // when market data changed, not after every fill, journal entry or webhook attempt.
            "v3",
            """
            ALTER TABLE store_generation ADD COLUMN market BIGINT NOT NULL DEFAULT 0
            """
        ),
        (
            // Option quotes one row per strike, as SQLite's v9 (see `OptionStrikeRow`).
            "v4",
            """
            CREATE TABLE option_strikes (
                underlying TEXT COLLATE "C" NOT NULL,
                quote_date BIGINT NOT NULL,
                expiry BIGINT NOT NULL,
                strike DOUBLE PRECISION NOT NULL,
                c_bid DOUBLE PRECISION, c_ask DOUBLE PRECISION, c_underlying_price DOUBLE PRECISION, c_implied_volatility DOUBLE PRECISION,
                c_delta DOUBLE PRECISION, c_volume DOUBLE PRECISION, c_open_interest DOUBLE PRECISION,
                p_bid DOUBLE PRECISION, p_ask DOUBLE PRECISION, p_underlying_price DOUBLE PRECISION, p_implied_volatility DOUBLE PRECISION,
                p_delta DOUBLE PRECISION, p_volume DOUBLE PRECISION, p_open_interest DOUBLE PRECISION,
                PRIMARY KEY (underlying, quote_date, expiry, strike),
                CHECK (c_bid IS NOT NULL OR p_bid IS NOT NULL),
                CHECK ((c_bid IS NULL) = (c_ask IS NULL) AND (p_bid IS NULL) = (p_ask IS NULL))
            );
            INSERT INTO option_strikes
            SELECT underlying, quote_date, expiry, strike,
              MAX(CASE WHEN option_right = 'C' THEN bid END), MAX(CASE WHEN option_right = 'C' THEN ask END), MAX(CASE WHEN option_right = 'C' THEN underlying_price END), MAX(CASE WHEN option_right = 'C' THEN implied_volatility END), MAX(CASE WHEN option_right = 'C' THEN delta END), MAX(CASE WHEN option_right = 'C' THEN volume END), MAX(CASE WHEN option_right = 'C' THEN open_interest END),
              MAX(CASE WHEN option_right = 'P' THEN bid END), MAX(CASE WHEN option_right = 'P' THEN ask END), MAX(CASE WHEN option_right = 'P' THEN underlying_price END), MAX(CASE WHEN option_right = 'P' THEN implied_volatility END), MAX(CASE WHEN option_right = 'P' THEN delta END), MAX(CASE WHEN option_right = 'P' THEN volume END), MAX(CASE WHEN option_right = 'P' THEN open_interest END)
            FROM option_quotes GROUP BY underlying, quote_date, expiry, strike;
            DROP TABLE option_quotes
            """
        ),
    ]

    /// Applies the migrations not yet recorded, in order, in one transaction.
    static func migrate(_ session: PostgresSession) throws {
        try session.transaction {
            try session.execute("SELECT pg_advisory_xact_lock(\(lockKey))")
            try session.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            let applied = Set(try session.rows("SELECT version FROM schema_migrations").map { try $0.decode(String.self) })
            for migration in all where !applied.contains(migration.version) {
                // One statement at a time: the extended protocol takes one per query. The
                // migrations hold no semicolon but at a statement's end.
                for statement in migration.sql.split(separator: ";\n") where !statement.allSatisfy(\.isWhitespace) {
                    let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                    try session.execute(PostgresQuery(unsafeSQL: text.hasSuffix(";") ? String(text.dropLast()) : text))
                }
                try session.execute("INSERT INTO schema_migrations (version) VALUES (\(migration.version))")
            }
        }
    }
}
