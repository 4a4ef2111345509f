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
}
