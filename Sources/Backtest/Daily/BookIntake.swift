import Foundation
import MarketData
import Strategy

/// Adding the trader's fills to the stored book, shared by `book import` and
/// `POST /api/v1/book/fills`: fills without a layer take the layer of the strategy's own order
/// of that symbol and side on that day in the journal (`LayerInference`), then every file is
/// written in one transaction (all or nothing).
public enum BookIntake {
    public struct Summary: Codable, Equatable, Sendable {
        public var file: String
        public var fills: Int
        /// Fills without a layer that took the layer of the strategy's order of that day.
        public var inferredLayers: Int
        public var firstDate: MarketDate?
        public var lastDate: MarketDate?
    }

    /// - Returns: one summary per file, and the journal entries that could not be read (an
    ///   older format), which inferred nothing.
    public static func add(_ files: [(file: String, fills: [BookFill])], to book: some BookStore) throws -> (
        summaries: [Summary], unreadJournal: [JournalEntry]
    ) {
        var ordersByDate: [MarketDate: [BookOrder]] = [:]
        var unread: [JournalEntry] = []
        let days = files.flatMap { $0.fills.map(\.date) }
        if let first = days.min(), let last = days.max() {
            for entry in try book.journal(from: first, to: last) {
                do {
                    let record = try JSONDecoder().decode(DailyRun.Record.self, from: Data(entry.decision.utf8))
                    ordersByDate[entry.date, default: []] += record.decision.orders
                } catch {
                    unread.append(entry)
                }
            }
        }
        var inferredFiles: [(file: String, fills: [BookFill])] = []
        var summaries: [Summary] = []
        for (file, fills) in files {
            let (withLayers, inferred) = LayerInference.infer(fills, ordersByDate: ordersByDate)
            inferredFiles.append((file, withLayers))
            summaries.append(
                Summary(
                    file: file, fills: withLayers.count, inferredLayers: inferred, firstDate: withLayers.map(\.date).min(),
                    lastDate: withLayers.map(\.date).max()))
        }
        try book.addFills(inferredFiles)
        return (summaries, unread)
    }
}
