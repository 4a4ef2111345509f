import Foundation
import GRDB
import Testing
@testable import MarketData

/// Chain imports stream their parse into the writer (issue 14, item 2): the stored quotes are
/// those of the parse-then-write path, a bad row anywhere (even after batches were written)
/// leaves the store untouched, and a writer failure stops the parser.
@Suite struct QuoteStreamTests {
    /// An OptionsDX file of `days` quote dates × 3 expiries × `strikes` strikes, built from the
    /// sample's first row (every row a call and a put): more quotes than two batches.
    static func optionsDX(days: Int = 8, strikes: Int = 1_200, badLine: Int? = nil) throws -> String {
        let sample = try ImporterSamples.text("optionsdx_spx_sample.csv")
        let lines = ImporterSamples.lines(sample)
        let header = lines[0].components(separatedBy: ", ")
        let template = lines[1].components(separatedBy: ", ")
        func column(_ name: String) -> Int { header.firstIndex(of: "[\(name)]")! }
        let (quoteDate, expiry, strike, callBid) = (column("QUOTE_DATE"), column("EXPIRE_DATE"), column("STRIKE"), column("C_BID"))
        var rows = [lines[0]]
        let start = MarketDate(parsing: "2023-01-03")!
        for day in 0..<days {
            let date = start.adding(days: day)
            for month in 1...3 {
                for k in 0..<strikes {
                    var cells = template
                    cells[quoteDate] = date.description
                    cells[expiry] = date.adding(days: 30 * month).description
                    cells[strike] = String(format: "%.1f", 1000 + 5 * Double(k))
                    cells[callBid] = String(format: "%.2f", 10 + Double(k % 50) / 10)
                    rows.append(cells.joined(separator: ", "))
                }
            }
        }
        if let badLine { rows[badLine - 1] = rows[badLine - 1].replacingOccurrences(of: ", 3824.14,", with: ", 38x4.14,") }
        return rows.joined(separator: "\n") + "\n"
    }

    static func quotes(_ store: SQLiteMarketStore) throws -> [OptionQuote] {
        var all: [OptionQuote] = []
        for day in try store.read({ db in try Int.fetchAll(db, sql: "SELECT DISTINCT quote_date FROM option_strikes ORDER BY quote_date") }) {
            all += try store.optionQuotes(underlying: "SPX", quoteDate: MarketDate(dayNumber: day))
        }
        return all
    }

    @Test func aStreamedImportStoresWhatTheParsedImportStores() throws {
        let text = try Self.optionsDX()
        let bytes = Array(text.utf8)
        let importer = OptionsDXImporter(underlying: "SPX")
        let parsed = try temporaryStore(seed: false), streamed = try temporaryStore(seed: false)
        let a = try parsed.write(importer.parse(bytes, file: "c.csv"), kind: .chainOptionsDX, symbol: "SPX", file: "c.csv")
        let stream = try importer.quoteStream(bytes, file: "c.csv")
        #expect(stream.firstUnderlying == "SPX")
        #expect(abs(stream.estimatedCount - 2 * 8 * 3 * 1_200) < 2 * 8 * 3 * 1_200 / 10)
        let b = try streamed.write(.quoteStream(stream), kind: .chainOptionsDX, symbol: "SPX", file: "c.csv")
        #expect(a.rows == 57_600 && b.rows == a.rows)
        #expect(a.firstDate == b.firstDate && a.lastDate == b.lastDate)
        let expected = try Self.quotes(parsed)
        #expect(expected.count == 57_600)
        #expect(try Self.quotes(streamed) == expected)
        #expect(try tableCounts(streamed) == tableCounts(parsed))
    }

    @Test func aBadRowAfterWrittenBatchesLeavesTheStoreUntouched() throws {
        // Line 50,000 (about 100,000 quotes in, six batches of 16,384) is beyond what the parser
        // may run ahead of the writer (a queue of four batches): batches were written before it.
        let bytes = Array(try Self.optionsDX(days: 16, badLine: 50_000).utf8)
        let store = try temporaryStore(seed: false)
        let before = try tableCounts(store)
        let generation = try store.generation()
        let stream = try OptionsDXImporter(underlying: "SPX").quoteStream(bytes, file: "bad.csv")
        #expect {
            try store.write(.quoteStream(stream), kind: .chainOptionsDX, symbol: "SPX", file: "bad.csv")
        } throws: { error in
            "\(error)".hasPrefix("bad.csv:50000: field 'UNDERLYING_LAST'")
        }
        #expect(try tableCounts(store) == before)
        #expect(try store.generation() == generation)
        // A missing column fails when the stream is made, before any store is touched.
        let headless = Array(try Self.optionsDX(days: 1, strikes: 2).replacingOccurrences(of: "[STRIKE]", with: "[STRIKES]").utf8)
        #expect(throws: InputError.self) { try OptionsDXImporter().quoteStream(headless, file: "h.csv") }
    }

    @Test func cboeFilesStreamAsTheyParse() throws {
        let sample = try ImporterSamples.text("cboe_spx_eod_sample.csv")
        var lines = ImporterSamples.lines(sample)
        let header = lines.removeFirst()
        // Many copies of the sample's rows under new strikes, puts before calls on odd strikes,
        // after one lone call, so that batch boundaries fall inside pairs (the carry path).
        var rows = [header, lines[0].replacingOccurrences(of: ",3800.000,", with: ",900.000,")]
        for k in 0..<9_000 {
            let strike = String(format: "%.3f", 1000 + 5 * Double(k))
            let pair = lines.prefix(2).map { $0.replacingOccurrences(of: ",3800.000,", with: ",\(strike),") }
            rows += k % 2 == 0 ? pair : pair.reversed()
        }
        let bytes = Array((rows.joined(separator: "\n") + "\n").utf8)
        let importer = CboeChainImporter()
        let parsed = try temporaryStore(seed: false), streamed = try temporaryStore(seed: false)
        try parsed.write(importer.parse(bytes, file: "c.csv"), kind: .chainCboe, symbol: "SPXW", file: "c.csv")
        let stream = try importer.quoteStream(bytes, file: "c.csv")
        #expect(stream.firstUnderlying == "SPXW")
        try streamed.write(.quoteStream(stream), kind: .chainCboe, symbol: "SPXW", file: "c.csv")
        let day = MarketDate(parsing: "2023-01-03")!
        let expected = try parsed.optionQuotes(underlying: "SPXW", quoteDate: day)
        #expect(expected.count == 18_001)
        #expect(try streamed.optionQuotes(underlying: "SPXW", quoteDate: day) == expected)
        #expect(try tableCounts(streamed) == tableCounts(parsed))
    }

    /// `filter` (how the bundled data's cut-off applies to a stream) keeps exactly the quotes
    /// that pass, in order, batch by batch.
    @Test func aFilteredStreamKeepsWhatPasses() throws {
        let bytes = Array(try Self.optionsDX(days: 3, strikes: 10).utf8)
        let importer = OptionsDXImporter(underlying: "SPX")
        let cutoff = MarketDate(parsing: "2023-01-04")!
        let stream = try importer.quoteStream(bytes, file: "c.csv").filter { $0.quoteDate <= cutoff }
        var kept: [OptionQuote] = []
        try stream.produce { kept += $0 }
        let expected = try importer.parseQuotes(bytes, file: "c.csv").filter { $0.quoteDate <= cutoff }
        #expect(expected.count == 2 * 2 * 3 * 10)
        #expect(kept == expected)
    }

    @Test func batchesNeverSplitACallPutPair() throws {
        func quote(_ strike: Double, _ right: OptionQuote.Right) -> OptionQuote {
            OptionQuote(underlying: "SPX", quoteDate: MarketDate(parsing: "2023-01-03")!, expiry: MarketDate(parsing: "2023-01-20")!, strike: strike, right: right, bid: 1, ask: 2)
        }
        // Pairs, a lone call, pairs in put-call order.
        let input = [quote(1, .call), quote(1, .put), quote(2, .call), quote(3, .put), quote(3, .call), quote(4, .call), quote(4, .put), quote(5, .put)]
        var batches: [[OptionQuote]] = []
        var batcher = QuoteBatcher(size: 3) { batches.append($0) }
        for q in input {
            let accepted = batcher.append(q)
            #expect(accepted)
        }
        try batcher.finish()
        #expect(batches.flatMap { $0 } == input)
        for (index, batch) in batches.enumerated().dropLast() {
            let next = batches[index + 1]
            #expect(!OptionStrikeRow.Writer.pairs(batch.last!, next.first!), "batch \(index) splits a pair")
        }
    }

    @Test func aWriterFailureStopsTheParser() throws {
        struct WriterFailed: Error {}
        let produced = Counter()
        let stream = QuoteStream(estimatedCount: 0, firstUnderlying: nil) { emit in
            for index in 0..<1_000 {
                produced.add()
                try emit([OptionQuote(underlying: "SPX", quoteDate: MarketDate(dayNumber: index), expiry: MarketDate(dayNumber: index), strike: 1, right: .call, bid: 1, ask: 1)])
            }
        }
        var consumed = 0
        #expect(throws: WriterFailed.self) {
            try QuotePipeline.run(stream, depth: 2) { _ in
                consumed += 1
                if consumed == 3 { throw WriterFailed() }
            }
        }
        // Stopped within the queue's depth of the failure, not at the end of the file.
        #expect(produced.value <= 3 + 2 + 1)
        // And a parser failure reaches the writer as itself.
        let failing = QuoteStream(estimatedCount: 0, firstUnderlying: nil) { _ in throw InputError(file: "f.csv", line: 7, message: "bad") }
        #expect(throws: InputError.self) { try QuotePipeline.run(failing) { _ in } }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }
}
