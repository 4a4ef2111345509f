import GRDB

/// One parsed file waiting to be written.
public struct ImportBatch: Sendable {
    public var records: ImportedRecords
    public var kind: ImportKind
    public var symbol: String
    public var file: String
    public var lagDays: Int?

    public init(records: ImportedRecords, kind: ImportKind, symbol: String, file: String, lagDays: Int? = nil) {
        self.records = records
        self.kind = kind
        self.symbol = symbol
        self.file = file
        self.lagDays = lagDays
    }
}

extension SQLiteMarketStore {
    /// Writes several parsed files in one transaction: all of them or none. Rows with an
    /// existing key are replaced (a corrected file supersedes the old values). A batch's
    /// `symbol` names bar and observation series and option underlyings; Treasury curves,
    /// events and sessions are store-wide. `lagDays` overrides the publication lag of an
    /// observation series (see `PublicationLag`).
    @discardableResult
    public func write(_ batches: [ImportBatch], progress: ((Int, Int) -> Void)? = nil) throws -> [ImportSummary] {
        // Checked before the transaction: a point-in-time store must never publish early.
        for batch in batches {
            if let days = batch.lagDays, days < 0 { throw StoreError.negativeLag(symbol: batch.symbol, days: days) }
        }
        let total = batches.reduce(0) { $0 + $1.records.count }
        var done = 0
        return try write { db in
            try batches.map { batch in
                let summary = try insert(db, batch) { written in progress?(done + written, total) }
                done += batch.records.count
                return summary
            }
        }
    }

    private func insert(_ db: Database, _ batch: ImportBatch, progress: (Int) -> Void) throws -> ImportSummary {
        let (records, kind, symbol, file, lagDays) = (batch.records, batch.kind, batch.symbol, batch.file, batch.lagDays)
        let total = records.count
        var summary = ImportSummary(kind: kind.rawValue, symbol: symbol, file: file, rows: total, firstDate: nil, lastDate: nil, rejects: 0)
        var written = 0
        func tick() {
            written += 1
            if written % 50_000 == 0 { progress(written) }
        }
        switch records {
        case .bars(let bars):
            try registerSeries(db, symbol: symbol, family: "bars", frequency: .daily, lagDays: 0, source: file)
            var insert = try BulkInsert(db, sql: "INSERT OR REPLACE INTO bars VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for bar in bars {
                insert.bind(symbol)
                insert.bind(bar.date.dayNumber)
                insert.bind(bar.open)
                insert.bind(bar.high)
                insert.bind(bar.low)
                insert.bind(bar.close)
                insert.bind(bar.adjustedClose)
                insert.bind(bar.volume)
                try insert.step()
                tick()
            }
            summary.firstDate = bars.first?.date
            summary.lastDate = bars.last?.date
        case .index(let history):
            // A Cboe index is a daily market series: closes under the symbol, opens beside it.
            let sessions = try SessionFilter(db)
            let closes = history.closes.filter { sessions.keeps($0.date) }
            let opens = history.opens.filter { sessions.keeps($0.date) }
            summary.skippedNonSessions = history.closes.count - closes.count
            summary.rows = closes.count
            summary.warnings = history.warnings
            try insertObservations(db, symbol: symbol, closes, lagDays: lagDays, source: file, tick: tick)
            if !opens.isEmpty {
                try insertObservations(db, symbol: IndexHistory.openSymbol(of: symbol), opens, lagDays: lagDays, source: file, tick: {})
            }
            summary.firstDate = closes.first?.date
            summary.lastDate = closes.last?.date
        case .futures(let all, let notes):
            let sessions = try SessionFilter(db)
            let settlements = all.filter { sessions.keeps($0.date) }
            summary.skippedNonSessions = all.count - settlements.count
            summary.rows = settlements.count
            summary.warnings = notes
            var insert = try BulkInsert(db, sql: "INSERT OR REPLACE INTO futures_settlements VALUES (?, ?, ?, ?)")
            for settlement in settlements {
                insert.bind(settlement.root)
                insert.bind(settlement.date.dayNumber)
                insert.bind(settlement.expiry.dayNumber)
                insert.bind(settlement.settle)
                try insert.step()
                tick()
            }
            summary.firstDate = settlements.map(\.date).min()
            summary.lastDate = settlements.map(\.date).max()
        case .observations(let observations):
            try insertObservations(db, symbol: symbol, observations, lagDays: lagDays, source: file, tick: tick)
            summary.firstDate = observations.first?.date
            summary.lastDate = observations.last?.date
        case .treasury(let curves):
            var insert = try BulkInsert(db, sql: "INSERT OR REPLACE INTO treasury_curves VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for curve in curves {
                insert.bind(curve.date.dayNumber)
                for value in curve.yields { insert.bind(value) }
                try insert.step()
                tick()
            }
            summary.firstDate = curves.first?.date
            summary.lastDate = curves.last?.date
        case .events(let events):
            var insert = try BulkInsert(db, sql: "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?)")
            for event in events {
                insert.bind(event.date.dayNumber)
                insert.bind(event.event)
                insert.bind(event.kind)
                insert.bind(event.timeET)
                try insert.step()
                tick()
            }
            summary.firstDate = events.map(\.date).min()
            summary.lastDate = events.map(\.date).max()
        case .sessions(let sessions):
            var insert = try BulkInsert(db, sql: "INSERT OR REPLACE INTO sessions VALUES (?, ?, ?)")
            for session in sessions {
                insert.bind(session.date.dayNumber)
                insert.bind(session.openUTC)
                insert.bind(session.closeUTC)
                try insert.step()
                tick()
            }
            summary.firstDate = sessions.first?.date
            summary.lastDate = sessions.last?.date
        case .quotes(let quotes):
            var writer = try OptionStrikeRow.Writer(db)
            try writer.write(quotes, tick: tick)
            summary.firstDate = quotes.first?.quoteDate
            summary.lastDate = quotes.last?.quoteDate
        case .quoteStream(let stream):
            var writer = try OptionStrikeRow.Writer(db)
            var rows = 0
            try QuotePipeline.run(stream) { batch in
                try writer.write(batch, tick: tick)
                rows += batch.count
                if summary.firstDate == nil { summary.firstDate = batch.first?.quoteDate }
                summary.lastDate = batch.last?.quoteDate ?? summary.lastDate
            }
            summary.rows = rows
        }
        try db.execute(
            sql: "INSERT INTO imports (kind, symbol, file, row_count, first_date, last_date) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [kind.rawValue, symbol, file, summary.rows, summary.firstDate?.dayNumber, summary.lastDate?.dayNumber])
        progress(total)
        return summary
    }

    /// Observations of one series: frequency inferred from all its dates, publication lag from
    /// the override, the stored series or the default, known dates recomputed when they change.
    private func insertObservations(
        _ db: Database, symbol: String, _ observations: [Observation], lagDays: Int?, source file: String, tick: () -> Void
    ) throws {
        // Frequency is a property of the whole series, so infer it from the stored dates plus
        // the new ones (a one-row update must not turn a monthly series into a daily one).
        let existing = try Row.fetchOne(db, sql: "SELECT lag_days, frequency FROM series WHERE symbol = ?", arguments: [symbol])
        let existingLag: Int? = existing?["lag_days"]
        let existingFrequency: String? = existing?["frequency"]
        let storedDates = try Int.fetchAll(db, sql: "SELECT date FROM observations WHERE symbol = ?", arguments: [symbol])
        let allDates = Set(storedDates).union(observations.map(\.date.dayNumber)).sorted().map(MarketDate.init(dayNumber:))
        let frequency = SeriesFrequency.infer(allDates)
        let lag = PublicationLag(days: lagDays ?? existingLag ?? PublicationLag.defaultLag(symbol: symbol, frequency: frequency).days)
        try registerSeries(db, symbol: symbol, family: "observations", frequency: frequency, lagDays: lag.days, source: file)
        var insert = try BulkInsert(db, sql: "INSERT OR REPLACE INTO observations VALUES (?, ?, ?, ?)")
        for observation in observations {
            insert.bind(symbol)
            insert.bind(observation.date.dayNumber)
            insert.bind(lag.knownDate(for: observation.date, frequency: frequency).dayNumber)
            insert.bind(observation.value)
            try insert.step()
            tick()
        }
        if let existingLag, existingLag != lag.days || existingFrequency != frequency.rawValue {
            try recomputeKnownDates(db, symbol: symbol, lag: lag, frequency: frequency)
        }
    }

    /// A changed publication lag applies to the whole series, not only to the rows just written.
    private func recomputeKnownDates(_ db: Database, symbol: String, lag: PublicationLag, frequency: SeriesFrequency) throws {
        let update = try db.makeStatement(sql: "UPDATE observations SET known_date = ? WHERE symbol = ? AND date = ?")
        for day in try Int.fetchAll(db, sql: "SELECT date FROM observations WHERE symbol = ?", arguments: [symbol]) {
            try update.execute(arguments: [lag.knownDate(for: MarketDate(dayNumber: day), frequency: frequency).dayNumber, symbol, day])
        }
    }

    /// Creates the series row, or checks that an existing one holds the same family of data.
    private func registerSeries(
        _ db: Database, symbol: String, family: String, frequency: SeriesFrequency, lagDays: Int, source: String
    ) throws {
        if let existing = try String.fetchOne(db, sql: "SELECT family FROM series WHERE symbol = ?", arguments: [symbol]) {
            guard existing == family else { throw StoreError.conflictingKind(symbol: symbol, existing: existing, new: family) }
            try db.execute(
                sql: "UPDATE series SET frequency = ?, lag_days = ?, source = ? WHERE symbol = ?",
                arguments: [frequency.rawValue, lagDays, source, symbol])
        } else {
            try db.execute(
                sql: "INSERT INTO series VALUES (?, ?, ?, ?, ?)",
                arguments: [symbol, family, frequency.rawValue, lagDays, source])
        }
    }
}

/// Which dated rows a market series keeps: NYSE sessions only. Cboe publishes values on some
/// NYSE holidays (its own holiday sessions since 2022); those rows are skipped and counted.
/// Dates outside the stored calendar are kept (the store cannot judge them).
struct SessionFilter {
    let sessions: Set<Int>
    let range: ClosedRange<Int>?

    init(_ db: Database) throws {
        let days = try Int.fetchAll(db, sql: "SELECT date FROM sessions ORDER BY date")
        sessions = Set(days)
        range = days.first.flatMap { first in days.last.map { first...$0 } }
    }

    func keeps(_ date: MarketDate) -> Bool {
        guard let range, range.contains(date.dayNumber) else { return true }
        return sessions.contains(date.dayNumber)
    }
}
