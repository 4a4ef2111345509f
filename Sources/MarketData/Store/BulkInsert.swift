import GRDB
import GRDBSQLite

/// A prepared INSERT bound column by column through the SQLite C API. Imports write up to
/// millions of rows; building a `StatementArguments` array per row costs more than SQLite's
/// own insert, so the hot loop binds values in place and steps the statement directly.
struct BulkInsert {
    let statement: Statement
    private var index: Int32 = 0

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    mutating func bind(_ value: Double) {
        index += 1
        sqlite3_bind_double(statement.sqliteStatement, index, value)
    }

    mutating func bind(_ value: Double?) {
        index += 1
        if let value {
            sqlite3_bind_double(statement.sqliteStatement, index, value)
        } else {
            sqlite3_bind_null(statement.sqliteStatement, index)
        }
    }

    mutating func bind(_ value: Int) {
        index += 1
        sqlite3_bind_int64(statement.sqliteStatement, index, Int64(value))
    }

    mutating func bind(_ value: String?) {
        index += 1
        guard let value else {
            sqlite3_bind_null(statement.sqliteStatement, index)
            return
        }
        // SQLITE_TRANSIENT: SQLite copies the bytes before this call returns.
        let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
        sqlite3_bind_text(statement.sqliteStatement, index, value, -1, transient)
    }

    /// Leaves the next parameter bound to the value it had for the previous row (a reset keeps
    /// bindings): a column that repeats row after row is not converted and copied again.
    mutating func keep() {
        index += 1
    }

    /// Executes the bound row and resets the statement for the next one.
    mutating func step() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        sqlite3_reset(statement.sqliteStatement)
        index = 0
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errstr(code))
            throw StoreError.database(message)
        }
    }
}
