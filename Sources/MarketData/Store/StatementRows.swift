import GRDB
import GRDBSQLite

/// The rows of one query read column by column from SQLite's statement (`sqlite3_column_*`),
/// for the whole-store copy a backtest starts from: about 95,000 rows, which GRDB's generic row
/// subscripts (a type check and a conversion per value) took about 25 ms to read, most of a
/// cached run's store read.
///
/// Columns are read as SQLite converts them (`sqlite3_column_int64`, `_double`); a NULL in a
/// column read as required is an error naming the table, the column and the row, never a
/// silent zero.
struct StatementRows {
    private let statement: Statement
    private let table: String
    private let names: [String]
    private var row = 0
    /// SQLite restarts a finished statement when it is stepped again: after the last row, stay done.
    private var done = false

    /// Prepares `sql` with `arguments`; `table` names the rows in errors.
    init(_ db: Database, table: String, sql: String, arguments: StatementArguments = StatementArguments()) throws {
        statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        self.table = table
        names = statement.columnNames
    }

    /// Steps to the next row; false after the last.
    mutating func next() throws -> Bool {
        guard !done else { return false }
        switch sqlite3_step(statement.sqliteStatement) {
        case SQLITE_ROW:
            row += 1
            return true
        case SQLITE_DONE:
            done = true
            return false
        case let code:
            // The connection's own message (what GRDB's cursor reported) and the code's text.
            let message = sqlite3_db_handle(statement.sqliteStatement).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw StoreError.database(
                "\(table): reading row \(row + 1): \(message ?? "") (\(String(cString: sqlite3_errstr(code))), code \(code))")
        }
    }

    private func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement.sqliteStatement, column) == SQLITE_NULL
    }

    private func missing(_ column: Int32) -> StoreError {
        .database("\(table): row \(row), column \(names[Int(column)]) is NULL")
    }

    func int(_ column: Int32) throws -> Int {
        guard !isNull(column) else { throw missing(column) }
        return Int(sqlite3_column_int64(statement.sqliteStatement, column))
    }

    func double(_ column: Int32) throws -> Double {
        guard !isNull(column) else { throw missing(column) }
        return sqlite3_column_double(statement.sqliteStatement, column)
    }

    func optionalDouble(_ column: Int32) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(statement.sqliteStatement, column)
    }

    func text(_ column: Int32) throws -> String {
        guard !isNull(column) else { throw missing(column) }
        // nil for a value that is there means SQLite could not convert it (out of memory).
        guard let bytes = sqlite3_column_text(statement.sqliteStatement, column) else {
            throw StoreError.database("\(table): row \(row), column \(names[Int(column)]) cannot be read as text")
        }
        return String(cString: bytes)
    }
}
