/// The importer for each `ImportKind`, so the CLI and the store pick a parser from the
/// `--kind` name alone. Chain files need the underlying's name (OptionsDX files never carry
/// it; Cboe files carry the root, used when `underlying` is nil).
public enum MarketImporters {
    public static func importer(for kind: ImportKind, underlying: String? = nil) -> any MarketImporter {
        switch kind {
        case .prices: PriceImporter()
        case .fred: FREDImporter()
        case .treasury: TreasuryImporter()
        case .events: EventImporter()
        case .sessions: SessionImporter()
        case .chainOptionsDX: OptionsDXImporter(underlying: underlying ?? "SPX")
        case .chainCboe: CboeChainImporter(underlying: underlying)
        }
    }
}
