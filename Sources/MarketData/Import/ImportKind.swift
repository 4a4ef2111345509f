/// What a file holds, as named on the command line (`vixshield data import --kind …`).
public enum ImportKind: String, Sendable, CaseIterable, Codable {
    case prices, fred, treasury, events, sessions
    case chainOptionsDX = "chain-optionsdx"
    case chainCboe = "chain-cboe"
    case cboeIndex = "cboe-index"
    case vxFutures = "vx-futures"
}

/// The parsed content of one file: exactly one of these record families.
public enum ImportedRecords: Sendable {
    case bars([DailyBar])
    case observations([Observation])
    case treasury([TreasuryCurve])
    case events([CalendarEvent])
    case sessions([TradingSession])
    case quotes([OptionQuote])
    /// A Cboe index history: closes, opens and import warnings.
    case index(IndexHistory)
    /// VIX futures settlements, with notes (rescaled and skipped rows).
    case futures([FuturesSettlement], notes: [String])
    /// Option quotes parsed as they are written (a chain file; see `QuoteStream`).
    case quoteStream(QuoteStream)

    public var count: Int {
        switch self {
        case .bars(let r): r.count
        case .observations(let r): r.count
        case .treasury(let r): r.count
        case .events(let r): r.count
        case .sessions(let r): r.count
        case .quotes(let r): r.count
        case .index(let h): h.closes.count
        case .futures(let r, _): r.count
        case .quoteStream(let stream): stream.estimatedCount
        }
    }
}

/// A strict parser for one file layout. Parsing is pure (text in, records out): the store
/// writes the records in one transaction only if the whole file parsed, so a bad row leaves
/// the store untouched. Errors name the file, the 1-based line and the field.
public protocol MarketImporter: Sendable {
    var kind: ImportKind { get }
    func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords
}
