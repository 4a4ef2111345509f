/// The market-history tables every store keeps, with their columns in schema order and their
/// keys. A PostgreSQL store writes imports through a scratch SQLite store (one import engine:
/// frequency inference, publication lags, the session filter) and copies the rows across by
/// these definitions.
public enum MarketTable: String, CaseIterable, Sendable {
    case series, bars, observations, events, sessions, imports
    case treasuryCurves = "treasury_curves"
    case optionStrikes = "option_strikes"
    case futuresSettlements = "futures_settlements"

    public var columns: [String] {
        switch self {
        case .series: ["symbol", "family", "frequency", "lag_days", "source"]
        case .bars: ["symbol", "date", "open", "high", "low", "close", "adj_close", "volume"]
        case .observations: ["symbol", "date", "known_date", "value"]
        case .treasuryCurves: ["date", "m1", "m3", "m6", "y1", "y2", "y3", "y5", "y7", "y10", "y20", "y30"]
        case .events: ["date", "event", "kind", "time_et"]
        case .sessions: ["date", "open_utc", "close_utc"]
        case .optionStrikes: OptionStrikeRow.columns
        case .futuresSettlements: ["root", "date", "expiry", "settle"]
        // The log's id is each store's own sequence, so it is not copied.
        case .imports: ["kind", "symbol", "file", "row_count", "first_date", "last_date"]
        }
    }

    /// The primary key (a row with the same key replaces the stored one); empty for the import
    /// log, which only appends.
    public var key: [String] {
        switch self {
        case .series: ["symbol"]
        case .bars, .observations: ["symbol", "date"]
        case .treasuryCurves, .sessions: ["date"]
        case .events: ["date", "event"]
        case .optionStrikes: OptionStrikeRow.key
        case .futuresSettlements: ["root", "date", "expiry"]
        case .imports: []
        }
    }

    /// The column naming the series a row belongs to, where rows belong to one.
    /// How an upsert sets `column` from the new row (`EXCLUDED`) over the stored one: whole for
    /// most tables; for a strike row, each side only when the new row has that side (a file of
    /// calls does not erase the stored puts).
    public func upsertValue(_ column: String, table name: String) -> String {
        guard self == .optionStrikes, let side = column.first, column.dropFirst().hasPrefix("_") else { return "EXCLUDED.\(column)" }
        return "CASE WHEN EXCLUDED.\(side)_bid IS NOT NULL THEN EXCLUDED.\(column) ELSE \(name).\(column) END"
    }

    public var symbolColumn: String? {
        switch self {
        case .series, .bars, .observations: "symbol"
        case .optionStrikes: "underlying"
        case .futuresSettlements: "root"
        case .treasuryCurves, .events, .sessions, .imports: nil
        }
    }
}

/// One column value of a copied row: SQLite's storage classes, which PostgreSQL maps to
/// BIGINT, DOUBLE PRECISION and TEXT.
public enum StoreValue: Sendable, Equatable {
    case integer(Int)
    case real(Double)
    case text(String)
    case null
}
