/// The importer for each `ImportKind`, so the CLI and the store pick a parser from the
/// `--kind` name alone. Chain files need the underlying's name (OptionsDX files never carry
/// it; Cboe files carry the root, used when `underlying` is nil). Cboe index files need the
/// index's symbol (`underlying`), VIX futures files the trading calendar (expiries).
public enum MarketImporters {
    public static func importer(for kind: ImportKind, underlying: String? = nil, calendar: TradingCalendar? = nil) throws(InputError) -> any MarketImporter {
        switch kind {
        case .prices: return PriceImporter()
        case .fred: return FREDImporter()
        case .treasury: return TreasuryImporter()
        case .events: return EventImporter()
        case .sessions: return SessionImporter()
        case .chainOptionsDX: return OptionsDXImporter(underlying: underlying ?? "SPX")
        case .chainCboe: return CboeChainImporter(underlying: underlying)
        case .cboeIndex:
            guard let underlying else { throw InputError(file: "(command line)", field: "--symbol", message: "a cboe-index import needs the index's symbol") }
            return CboeIndexImporter(symbol: underlying)
        case .vxFutures:
            guard let calendar else {
                throw InputError(file: "(store)", message: "vx-futures needs the trading calendar (import NYSE sessions first)")
            }
            return VXFuturesImporter(position: VXFuturesImporter.position(ofSymbol: underlying), calendar: calendar)
        }
    }
}
