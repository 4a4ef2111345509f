import GRDB

/// The trader's book in the store: fills appended in one transaction per import (all or
/// nothing), read back in the order they happened.
extension SQLiteMarketStore {
    /// Appends the fills of several files in one transaction (all or nothing). Each fill keeps
    /// its file and line (one fill per data line after the header).
    public func addFills(_ files: [(file: String, fills: [BookFill])]) throws {
        try write { db in
            for (file, fills) in files {
                for (index, fill) in fills.enumerated() {
                    try db.execute(
                        sql: "INSERT INTO book_fills (date, symbol, quantity, price, fees_cents, cash_flow_cents, layer, file, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        arguments: [
                            fill.date.dayNumber, fill.symbol.description, fill.quantity, fill.price, fill.fees.cents, fill.cashFlow.cents, fill.layer,
                            file, index + 2,
                        ])
                }
            }
        }
    }

    /// Every fill dated on or before `date`, by date then the order they were imported.
    public func fills(through date: MarketDate) throws -> [BookFill] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT date, symbol, quantity, price, fees_cents, cash_flow_cents, layer FROM book_fills WHERE date <= ? ORDER BY date, id",
                arguments: [date.dayNumber]
            ).map { row -> BookFill in
                let text: String = row[1]
                guard case .success(let symbol) = InstrumentSymbol.parse(text) else {
                    throw StoreError.database("book_fills holds an unreadable symbol '\(text)'")
                }
                var fill = BookFill(
                    date: MarketDate(dayNumber: row[0]), symbol: symbol, quantity: row[2], price: row[3], fees: Cents(cents: row[4]), layer: row[6])
                fill.cashFlow = Cents(cents: row[5])
                return fill
            }
        }
    }
}
