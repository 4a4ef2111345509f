/// A Cboe index history file parsed: the daily closes, the opens where the file has an OHLC
/// layout and the open is consistent with its own high and low, and the warnings about rows that
/// imported but look wrong (each names file, line and field). The store writes the closes under
/// the index's symbol and the opens under `openSymbol(of:)`.
public struct IndexHistory: Sendable, Equatable {
    public var closes: [Observation]
    public var opens: [Observation]
    public var warnings: [String]

    public init(closes: [Observation], opens: [Observation] = [], warnings: [String] = []) {
        self.closes = closes
        self.opens = opens
        self.warnings = warnings
    }

    /// Where an index's opens are stored: `VIX.OPEN` for `VIX`. The VIX open of an expiry day is
    /// the stand-in for the Special Opening Quotation at which VIX futures and options settle.
    public static func openSymbol(of symbol: String) -> String { symbol + ".OPEN" }
}
