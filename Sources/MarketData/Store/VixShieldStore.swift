/// Everything a command or the server reads and writes: market history, the trader's book and
/// journal, API tokens, webhooks and the server's backtest jobs. Two implementations: `SQLiteMarketStore` (one file, the
/// default) and `PostgresMarketStore` (a PostgreSQL server shared by several processes).
/// Both keep the same tables, the same all-or-nothing writes and the same generation counter.
public protocol VixShieldStore: MarketDataStore, BookStore, TokenStore, WebhookStore, BacktestJobStore {
    /// Where the store is, for messages: a file path, or a database URL without its password.
    var location: String { get }
    /// Every NYSE session in the store, by date.
    func sessions() throws -> [TradingSession]
    /// Every series and table with its range and row count (`data list`).
    func catalog() throws -> [SeriesSummary]
    /// Treasury curves dated in `from...through`, by date.
    func treasuryCurves(from: MarketDate, through: MarketDate) throws -> [TreasuryCurve]
    /// Every settlement of `root` dated in `from...through`, by date then expiry.
    func futuresSettlements(root: String, from: MarketDate, through: MarketDate) throws -> [FuturesSettlement]
    /// The number of write transactions committed through the store by any process (backtest
    /// job status excepted, see `BacktestJobStore`): equal values mean the same content.
    func generation() throws -> Int
    /// Everything in one consistent read, option quotes only for `quoteDates`.
    func memoryCopy(quoteDates: ClosedRange<MarketDate>) throws -> MemoryMarketStore
    /// Writes several parsed files in one transaction: all of them or none.
    @discardableResult
    func write(_ batches: [ImportBatch], progress: ((Int, Int) -> Void)?) throws -> [ImportSummary]
}

extension VixShieldStore {
    /// Writes one parsed file in one transaction (see `write(_:progress:)`).
    @discardableResult
    public func write(
        _ records: ImportedRecords, kind: ImportKind, symbol: String, file: String, lagDays: Int? = nil,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> ImportSummary {
        try write([ImportBatch(records: records, kind: kind, symbol: symbol, file: file, lagDays: lagDays)], progress: progress)[0]
    }
}

extension SQLiteMarketStore: VixShieldStore {
    public var location: String { path }
}
