import Foundation
import GRDB
import Testing

@testable import MarketData

/// `StatementRows` reads what GRDB's statement-backed rows (`Row.fetchCursor`, which the store
/// copy read with before) read, including SQLite's conversions (an integer read as a double, a
/// real read as text), and a NULL where a value is required is an error naming the table, the
/// column and the row, never a zero.
@Suite("Statement rows")
struct StatementRowsTests {
    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (d INTEGER, v REAL, w, s TEXT, u)")
            try db.execute(
                sql: "INSERT INTO t VALUES (20000, 1.5, NULL, 'VX', 7), (20001, 3, 2.25, 'é\"x', -0.5), (20002, NULL, 4, NULL, 'text')")
        }
        return queue
    }

    @Test func readsTheValuesGRDBReads() throws {
        try Self.database().read { db in
            let sql = "SELECT d, v, w, s, u FROM t WHERE d < ? ORDER BY d"
            var rows = try StatementRows(db, table: "t", sql: sql, arguments: [20002])
            var read: [(Int, Double, Double?, String, Double, String)] = []
            while try rows.next() {
                read.append((try rows.int(0), try rows.double(1), rows.optionalDouble(2), try rows.text(3), try rows.double(4), try rows.text(4)))
            }
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: [20002])
            var compared = 0
            while let row = try cursor.next() {
                try #require(compared < read.count)
                let a = read[compared]
                #expect(a.0 == row[0] as Int && a.1.bitPattern == (row[1] as Double).bitPattern && a.3 == row[3] as String)
                #expect(a.2?.bitPattern == (row[2] as Double?)?.bitPattern)
                // An integer read as a double, a real read as text: SQLite's conversions, as GRDB's.
                #expect(a.4.bitPattern == (row[4] as Double).bitPattern && a.5 == row[4] as String)
                compared += 1
            }
            #expect(compared == 2 && read.count == 2)
            #expect(read[0].4.bitPattern == Double(7).bitPattern && read[1].5 == "-0.5")
            #expect(try !rows.next())
        }
    }

    @Test func aNullWhereAValueIsRequiredNamesTableColumnAndRow() throws {
        try Self.database().read { db in
            var rows = try StatementRows(db, table: "t", sql: "SELECT d, v, w, s, u FROM t ORDER BY d")
            for _ in 0..<2 { #expect(try rows.next()) }
            #expect(try rows.next())
            #expect(throws: StoreError.database("t: row 3, column v is NULL")) { _ = try rows.double(1) }
            #expect(throws: StoreError.database("t: row 3, column s is NULL")) { _ = try rows.text(3) }
            #expect(rows.optionalDouble(1) == nil)
            #expect(try rows.int(0) == 20002)
        }
        try Self.database().read { db in
            #expect(throws: (any Error).self) { _ = try StatementRows(db, table: "t", sql: "SELECT nothing FROM t") }
            // A row SQLite fails to step: its own message, the code's text (which depends on the
            // SQLite version) and the code.
            var failing = try StatementRows(db, table: "t", sql: "SELECT abs(-9223372036854775807 - 1)")
            var message = ""
            do { _ = try failing.next() } catch let error as StoreError { message = error.description }
            #expect(message.contains("t: reading row 1: integer overflow (") && message.hasSuffix(", code 1)"), "\(message)")
        }
    }
}
