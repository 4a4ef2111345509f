import Foundation
import MarketData
import PostgresNIO

/// Imports into PostgreSQL go through the one import engine, the SQLite store's: the parsed
/// files are written into a scratch SQLite store that holds what the engine reads back (the
/// series rows, the sessions, the stored observations of the imported symbols), then every
/// row it wrote is upserted into PostgreSQL in one transaction. So frequency inference,
/// publication lags and the session filter are the same code on both stores, and a failure
/// anywhere leaves PostgreSQL as it was.
extension PostgresMarketStore {
    @discardableResult
    public func write(_ batches: [ImportBatch], progress: ((Int, Int) -> Void)?) throws -> [ImportSummary] {
        try write(batches, onlyIfEmpty: false, progress: progress)
    }

    /// With `onlyIfEmpty` (seeding), nothing is written when another process seeded first.
    @discardableResult
    func write(_ batches: [ImportBatch], onlyIfEmpty: Bool, progress: ((Int, Int) -> Void)?) throws -> [ImportSummary] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vixshield-import-\(UUID().uuidString)")
        // Cleanup of a scratch file: failing to remove it loses nothing.
        defer { try? FileManager.default.removeItem(at: directory) }
        let scratch = try SQLiteMarketStore(path: directory.appendingPathComponent("scratch.sqlite").path, seed: false)
        // The symbols whose stored rows the engine reads or rewrites (an index also writes its
        // opens beside its closes).
        let symbols = Set(batches.flatMap { [$0.symbol, IndexHistory.openSymbol(of: $0.symbol)] })
        let writesSessions = batches.contains { $0.kind == .sessions }
        do {
            // One transaction from the engine's reads to the last upsert, under the import lock:
            // a concurrent import waits, as on SQLite's single writer, and reads what this one wrote.
            return try write { session in
                try session.execute("SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockKey))")
                try session.execute("UPDATE store_generation SET market = market + 1 WHERE id = 1")
                if onlyIfEmpty {
                    let (series, sessions) = try session.rows("SELECT (SELECT COUNT(*) FROM series), (SELECT COUNT(*) FROM sessions)")[0]
                        .decode((Int, Int).self)
                    // Rolled back, generation included: another process seeded first.
                    guard series == 0 && sessions == 0 else { throw SeededMeanwhile() }
                }
                for (table, only) in [(MarketTable.series, nil), (.sessions, nil), (.observations, symbols)] as [(MarketTable, Set<String>?)] {
                    try scratch.insertTableRows(table, try Self.rows(session, table, symbols: only))
                }
                let summaries = try scratch.write(batches, progress: progress)
                for table in MarketTable.allCases where table != .sessions || writesSessions {
                    // Only the imported series' rows changed (the others were carried unchanged).
                    let only: Set<String>? = table == .series || table == .observations ? symbols : nil
                    try Self.upsert(session, table, try scratch.tableRows(table, symbols: only))
                }
                return summaries
            }
        } catch is SeededMeanwhile {
            return []
        }
    }

    /// Rows of a market table, decoded by their PostgreSQL type.
    static func rows(_ session: PostgresSession, _ table: MarketTable, symbols: Set<String>?) throws -> [[StoreValue]] {
        var sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.rawValue)"
        var bindings = PostgresBindings()
        if let symbols, let column = table.symbolColumn {
            sql += " WHERE \(column) = ANY($1)"
            bindings.append(symbols.sorted())
        }
        return try session.rows(PostgresQuery(unsafeSQL: sql, binds: bindings)).map { row in
            try row.map { cell -> StoreValue in
                guard cell.bytes != nil else { return .null }
                switch cell.dataType {
                case .int8, .int4, .int2: return .integer(try cell.decode(Int.self))
                case .float8, .float4: return .real(try cell.decode(Double.self))
                case .text, .varchar: return .text(try cell.decode(String.self))
                default: throw StoreError.database("\(table.rawValue).\(cell.columnName) has the unexpected type \(cell.dataType)")
                }
            }
        }
    }

    /// Inserts rows, replacing those with the same key (SQLite's INSERT OR REPLACE), in
    /// statements of at most 1,000 rows (PostgreSQL takes up to 65,535 parameters).
    static func upsert(_ session: PostgresSession, _ table: MarketTable, _ rows: [[StoreValue]]) throws {
        let columns = table.columns
        var conflict = ""
        if !table.key.isEmpty {
            let updates = columns.filter { !table.key.contains($0) }.map { "\($0) = \(table.upsertValue($0, table: table.rawValue))" }
            conflict = " ON CONFLICT (\(table.key.joined(separator: ", "))) "
                + (updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET \(updates.joined(separator: ", "))")
        }
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + 1_000, rows.count)]
            var bindings = PostgresBindings(capacity: chunk.count * columns.count)
            var tuples: [String] = []
            for row in chunk {
                var marks: [String] = []
                for value in row {
                    switch value {
                    case .integer(let number): bindings.append(number)
                    case .real(let number): bindings.append(number)
                    case .text(let text): bindings.append(text)
                    case .null: bindings.appendNull()
                    }
                    marks.append("$\(bindings.count)")
                }
                tuples.append("(" + marks.joined(separator: ", ") + ")")
            }
            try session.execute(
                PostgresQuery(
                    unsafeSQL: "INSERT INTO \(table.rawValue) (\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))\(conflict)",
                    binds: bindings))
            start += chunk.count
        }
    }
}

/// The seed found the store seeded by another process (not a failure: nothing to do).
struct SeededMeanwhile: Error {}
