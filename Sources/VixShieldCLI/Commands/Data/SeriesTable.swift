import MarketData

/// A series as rows of text for `data show` (human table or JSON with stable keys).
struct SeriesTable: Encodable {
    var symbol: String
    var asOf: MarketDate
    var columns: [String]
    var rows: [[String]]

    static func make(_ store: any VixShieldStore, symbol: String, from: MarketDate?, through: MarketDate, asOf: MarketDate) throws -> SeriesTable {
        let start = from ?? MarketDate(dayNumber: Int(Int32.min))
        let known = min(asOf, through)
        switch symbol.uppercased() {
        case "TREASURY":
            let curves = try store.treasuryCurves(from: start, through: known)
            return SeriesTable(
                symbol: "TREASURY", asOf: asOf, columns: ["date"] + TreasuryCurve.tenorNames,
                rows: curves.map { [$0.date.description] + $0.yields.map { $0.map(formatNumber) ?? "" } })
        case "EVENTS":
            let events = try store.events(from: start, through: through, asOf: asOf)
            return SeriesTable(
                symbol: "EVENTS", asOf: asOf, columns: ["date", "event", "kind", "time_et"],
                rows: events.map { [$0.date.description, $0.event, $0.kind, $0.timeET ?? ""] })
        default:
            guard let entry = try store.catalog().first(where: { $0.symbol == symbol }) else {
                throw StoreError.unknownSymbol(symbol)
            }
            if entry.family == "bars" {
                let bars = try store.bars(symbol, from: from, asOf: known)
                return SeriesTable(
                    symbol: symbol, asOf: asOf, columns: ["date", "open", "high", "low", "close", "adj_close", "volume"],
                    rows: bars.map {
                        [$0.date.description, $0.open.map(formatNumber) ?? "", $0.high.map(formatNumber) ?? "", $0.low.map(formatNumber) ?? "", formatNumber($0.close),
                         $0.adjustedClose.map(formatNumber) ?? "", $0.volume.map(formatNumber) ?? ""]
                    })
            }
            let lag = PublicationLag(days: entry.publicationLagDays)
            let frequency = SeriesFrequency(rawValue: entry.frequency) ?? .daily
            let observations = try store.observations(symbol, from: from, asOf: asOf).filter { $0.date <= through }
            return SeriesTable(
                symbol: symbol, asOf: asOf, columns: ["date", "known_date", "value"],
                rows: observations.map {
                    [$0.date.description, lag.knownDate(for: $0.date, frequency: frequency).description, formatNumber($0.value)]
                })
        }
    }
}
