import Foundation
import GRDB
import Testing

@testable import MarketData

/// `StatementRows` reads what GRDB's rows read, and a NULL where a value is required is an
/// error naming the table, the column and the row, never a zero.
@Suite("Statement rows")
struct StatementRowsTests {
    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (d INTEGER, v REAL, w REAL, s TEXT)")
            try db.execute(sql: "INSERT INTO t VALUES (20000, 1.5, NULL, 'VX'), (20001, 3, 2.25, 'é\"x'), (20002, NULL, 4, NULL)")
        }
        return queue
    }

    @Test func readsTheValuesGRDBReads() throws {
        try Self.database().read { db in
            var rows = try StatementRows(db, table: "t", sql: "SELECT d, v, w, s FROM t WHERE d < ? ORDER BY d", arguments: [20002])
            var read: [(Int, Double, Double?, String)] = []
            while try rows.next() { read.append((try rows.int(0), try rows.double(1), rows.optionalDouble(2), try rows.text(3))) }
            let reference = try Row.fetchAll(db, sql: "SELECT d, v, w, s FROM t WHERE d < 20002 ORDER BY d")
            #expect(read.count == reference.count && read.count == 2)
            for (a, b) in zip(read, reference) {
                #expect(a.0 == b[0] as Int && a.1.bitPattern == (b[1] as Double).bitPattern && a.3 == b[3] as String)
                #expect(a.2?.bitPattern == (b[2] as Double?)?.bitPattern)
            }
            #expect(try !rows.next())
        }
    }

    @Test func aNullWhereAValueIsRequiredNamesTableColumnAndRow() throws {
        try Self.database().read { db in
            var rows = try StatementRows(db, table: "t", sql: "SELECT d, v, w, s FROM t ORDER BY d")
            for _ in 0..<2 { #expect(try rows.next()) }
            #expect(try rows.next())
            #expect(throws: StoreError.database("t: row 3, column v is NULL")) { _ = try rows.double(1) }
            #expect(throws: StoreError.database("t: row 3, column s is NULL")) { _ = try rows.text(3) }
            #expect(rows.optionalDouble(1) == nil)
            #expect(try rows.int(0) == 20002)
        }
        try Self.database().read { db in
            #expect(throws: (any Error).self) { _ = try StatementRows(db, table: "t", sql: "SELECT nothing FROM t") }
        }
    }
}
