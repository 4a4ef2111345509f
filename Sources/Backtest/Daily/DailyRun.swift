import Foundation
import MarketData
import Strategy

/// The daily run: the decision engine on the stored book for one session, recorded in the
/// journal. One function so that `vixshield run`, the server's `POST /api/v1/run` and its
/// daily schedule record the same thing.
///
/// Steps: the fills through the previous close; the drawdown brake's peak from the earlier
/// runs of the same ruleset inside its reference (`risk.drawdown_reference`; a `PEAK` line in
/// the book, if higher, wins); `DecisionEngine.decide` (which settles expired contracts first);
/// the record written once per (date, ruleset hash): a second run of the same pair writes
/// nothing and says so.
public enum DailyRun {
    /// What the journal keeps of a run (its `decision` column, as `StableJSON`).
    public struct Record: Codable, Equatable, Sendable {
        public var date: MarketDate
        public var rulesetHash: String
        public var bookThrough: MarketDate
        public var fills: Int
        public var decision: DecisionEngine.Day
        public var disclaimer: String
    }

    public struct Outcome: Sendable {
        public var record: Record
        /// The record as written (or as it would have been, when already recorded).
        public var payload: String
        /// False when the date and ruleset were already in the journal (nothing written).
        public var recorded: Bool
        /// Journal entries that could not be read for the peak equity (an older format).
        public var skipped: [MarketDate]
    }

    /// - Parameters:
    ///   - market: the market data (a memory copy of the store is fastest).
    ///   - book: where the fills and the journal are.
    ///   - recordedAt: the wall-clock stamp written beside the entry (not an input of the decision).
    ///   - alerts: the webhook alerts of the record, written with the entry in its transaction
    ///     (see `RunAlerts`); `now` is their creation time (Unix seconds).
    /// - Throws: a market-data, model or book error naming the date (nothing is recorded).
    public static func run(
        market: some MarketDataStore, book: some BookStore, calendar: TradingCalendar, date: MarketDate, ruleset: Ruleset, recordedAt: String,
        alerts: (Record) throws -> [PendingAlert] = { _ in [] }, now: Int = 0
    ) throws -> Outcome {
        let previous = try DecisionEngine.previousClose(before: date, store: market, calendar: calendar)
        var fills = try book.fills(through: previous)
        var peak: (date: MarketDate, equity: Double)?
        var skipped: [MarketDate] = []
        let hash = ruleset.contentHash
        for entry in try book.journal(from: MarketDate(dayNumber: Int.min / 2), to: previous) where entry.rulesetHash == hash {
            let record: Record
            do {
                record = try JSONDecoder().decode(Record.self, from: Data(entry.decision.utf8))
            } catch {
                // An entry written by an older version: said, and not read for the peak.
                skipped.append(entry.date)
                continue
            }
            guard !ruleset.risk.drawdownReference.resets(peakDate: entry.date, on: date) else { continue }
            if record.decision.equity > (peak?.equity ?? 0) { peak = (entry.date, record.decision.equity) }
        }
        if let peak { fills.append(BookFill(date: peak.date, symbol: .peak, quantity: 1, price: peak.equity, fees: .zero, layer: nil)) }
        let decision = try DecisionEngine.decide(store: market, calendar: calendar, date: date, book: fills, ruleset: ruleset)
        let record = Record(date: date, rulesetHash: hash, bookThrough: previous, fills: fills.count, decision: decision, disclaimer: Signal.disclaimer)
        let payload = try StableJSON.encode(record)
        let recorded = try book.recordJournal(
            JournalEntry(date: date, rulesetHash: hash, recordedAt: recordedAt, decision: payload), alerts: try alerts(record), now: now)
        return Outcome(record: record, payload: payload, recorded: recorded, skipped: skipped)
    }
}
