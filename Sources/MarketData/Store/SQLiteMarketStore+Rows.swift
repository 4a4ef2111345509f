import GRDB

/// Raw rows of the market tables, for copying between stores (see `MarketTable`).
extension SQLiteMarketStore {
    /// The rows of `table` in key order, only those of `symbols` when given (tables without a
    /// symbol column ignore it).
    public func tableRows(_ table: MarketTable, symbols: Set<String>? = nil) throws -> [[StoreValue]] {
        try read { db in
            var sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.rawValue)"
            var arguments: [String] = []
            if let symbols, let column = table.symbolColumn {
                sql += " WHERE \(column) IN (\(Array(repeating: "?", count: symbols.count).joined(separator: ", ")))"
                arguments = symbols.sorted()
            }
            if !table.key.isEmpty { sql += " ORDER BY \(table.key.joined(separator: ", "))" }
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            var rows: [[StoreValue]] = []
            while let row = try cursor.next() {
                rows.append(try (0..<table.columns.count).map { try Self.storeValue(row[$0], table: table, column: $0) })
            }
            return rows
        }
    }

    static func storeValue(_ value: DatabaseValue, table: MarketTable, column: Int) throws -> StoreValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(Int(number))
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        // The schema has no blob column: one is a damaged store, not a value to drop.
        case .blob: throw StoreError.database("\(table.rawValue).\(table.columns[column]) holds a blob")
        }
    }

    /// Inserts rows into `table` in one transaction, replacing rows with the same key.
    public func insertTableRows(_ table: MarketTable, _ rows: [[StoreValue]]) throws {
        guard !rows.isEmpty else { return }
        try write { db in
            let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
            var insert = try BulkInsert(
                db, sql: "INSERT OR REPLACE INTO \(table.rawValue) (\(table.columns.joined(separator: ", "))) VALUES (\(marks))")
            for row in rows {
                for value in row {
                    switch value {
                    case .integer(let number): insert.bind(number)
                    case .real(let number): insert.bind(number)
                    case .text(let text): insert.bind(text)
                    case .null: insert.bind(nil as String?)
                    }
                }
                try insert.step()
            }
        }
    }
}
