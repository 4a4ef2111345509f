/// What an import wrote, for the CLI's summary line and `--json`.
public struct ImportSummary: Sendable, Equatable, Codable {
    public var kind: String
    public var symbol: String
    public var file: String
    public var rows: Int
    public var firstDate: MarketDate?
    public var lastDate: MarketDate?
    /// Rejected rows: always 0, because any bad row aborts the whole import.
    public var rejects: Int
    /// Rows dated on days that are not NYSE sessions (Cboe holiday sessions), skipped.
    public var skippedNonSessions: Int = 0
    /// Rows that imported but look wrong (each names file, line and field), and notes on
    /// rows that were rescaled or skipped by rule (the old ×10 VX scale).
    public var warnings: [String] = []
}
