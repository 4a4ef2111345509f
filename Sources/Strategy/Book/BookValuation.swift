import MarketData
import QuantCore
import VolModels

/// The book at one close: expired contracts settled, every open lot marked at the model mid
/// of that day (SPX options on the day's SPX surface, `SPXMarketModel`; VIX options and futures
/// on the day's VIX complex, `VIXComplex`), its greeks, and P&L by layer. Money in dollars
/// derived from integer cents (so at most two decimals in JSON).
///
/// Settlement of expired contracts: SPX options at intrinsic value against the S&P 500 close of
/// their expiry day, VIX options and futures against the VIX open of their expiry day (the
/// stand-in for the Special Opening Quotation; the close when the store has no open).
/// Greeks per position: delta in index points of exposure (quantity × multiplier × Δ), gamma
/// likewise, vega in dollars per vol point, theta in dollars per calendar day; a VX future's
/// delta is quantity × 1,000 per VIX point.
public struct BookValuation: Sendable, Codable, Equatable {
    public struct Position: Sendable, Codable, Equatable {
        public var symbol: String
        public var layer: String
        public var quantity: Int
        /// Average cost per unit, index points.
        public var averagePrice: Double
        /// The open units' basis (premium paid, negative for premium received; futures: notional).
        public var cost: Double
        /// Model mid per unit at the close, index points.
        public var mark: Double
        /// What the position adds to equity: options at market value, futures their open P&L.
        public var value: Double
        /// Unrealised P&L.
        public var pnl: Double
        public var delta: Double
        public var gamma: Double
        public var vega: Double
        public var theta: Double
    }

    public struct Layer: Sendable, Codable, Equatable {
        public var layer: String
        public var realised: Double
        public var unrealised: Double
        public var pnl: Double
    }

    public var date: MarketDate
    public var cash: Double
    public var deposits: Double
    public var equity: Double
    public var positions: [Position]
    /// P&L by layer, realised (closed units, settlements, fees) and unrealised; they sum to
    /// equity − deposits to the cent.
    public var layers: [Layer]
    /// Contracts that expired on or before the date and were settled, with their price.
    public var settled: [String]
    /// Which model inputs were real on the date.
    public var notes: [String]
    public var disclaimer: String

    public static func value(
        fills: [BookFill], date: MarketDate, store: some MarketDataStore, calendar: TradingCalendar, parameters: ChainModelParameters = ChainModelParameters()
    ) throws -> BookValuation {
        let (withSettlements, settled) = try BookSettlement.settled(fills.filter { $0.date <= date }, through: date, store: store, calendar: calendar)
        let book = BookPositions(fills: withSettlements)
        var positions: [Position] = []
        var notes: [String] = []
        if !book.lots.isEmpty {
            let inputs = try MarketInputs.load(store, date: date)
            let model = try SPXMarketModel.forDate(store, inputs: inputs, calendar: calendar, parameters: parameters)
            notes += model.notes
            let pricer = CondorModelPricer(model: model)
            var complex: VIXComplex?
            if book.lots.contains(where: { Self.isVIX($0.symbol) }) {
                let vix = try VIXComplex.calibrate(inputs: inputs, calendar: calendar, parameters: parameters)
                notes += vix.notes
                complex = vix
            }
            for lot in book.lots {
                let q = Double(lot.quantity), m = lot.symbol.multiplier
                var valuation: OptionValuation
                switch lot.symbol {
                case .option(let root, let expiry, let right, _):
                    let years = inputs.years(to: expiry)
                    let type: OptionType = right == .call ? .call : .put
                    if root.isVIX, let vix = complex {
                        valuation = try vix.price(type, strike: lot.symbol.strike ?? 0, future: vix.future(years: years), time: years, rate: inputs.rates.rate(years: years))
                    } else {
                        valuation = pricer.value(type, strike: lot.symbol.strike ?? 0, spot: inputs.spot, years: years)
                    }
                case .vixFuture(let year, let month):
                    guard let expiry = calendar.vixExpiry(year: year, month: month), let vix = complex else {
                        throw VolModelError.missingMarketData("\(date): no VIX expiry or model for \(lot.symbol)")
                    }
                    valuation = OptionValuation(price: vix.future(years: inputs.years(to: expiry)), delta: 1, gamma: 0, vega: 0, theta: 0, rho: 0)
                case .cash, .peak:
                    continue
                }
                let notional = Cents(dollars: q * valuation.price * m)
                let isFuture = lot.symbol.multiplier == 1000
                let value = isFuture ? notional - lot.basis : notional
                positions.append(
                    Position(
                        symbol: lot.symbol.description, layer: lot.layer, quantity: lot.quantity, averagePrice: lot.averagePrice,
                        cost: lot.basis.dollars, mark: valuation.price, value: value.dollars, pnl: (notional - lot.basis).dollars,
                        // + 0 turns a −0 (a short future's zero gamma) into 0 for printing.
                        delta: q * m * valuation.delta + 0, gamma: q * m * valuation.gamma + 0, vega: q * m * valuation.vega / 100 + 0,
                        theta: q * m * valuation.theta / 365 + 0))
            }
        }
        var layers: [String: (realised: Cents, unrealised: Cents)] = [:]
        for (layer, amount) in book.realised { layers[layer, default: (.zero, .zero)].realised += amount }
        for position in positions { layers[position.layer, default: (.zero, .zero)].unrealised += Cents(dollars: position.pnl) }
        let equity = book.cash + positions.map { Cents(dollars: $0.value) }.reduce(.zero, +)
        return BookValuation(
            date: date, cash: book.cash.dollars, deposits: book.deposits.dollars, equity: equity.dollars, positions: positions,
            layers: layers.keys.sorted().map { key in
                let l = layers[key]!
                return Layer(layer: key, realised: l.realised.dollars, unrealised: l.unrealised.dollars, pnl: (l.realised + l.unrealised).dollars)
            },
            settled: settled, notes: notes.isEmpty ? ["no open position: nothing to mark"] : notes, disclaimer: Signal.disclaimer)
    }

    static func isVIX(_ symbol: InstrumentSymbol) -> Bool {
        switch symbol {
        case .option(let root, _, _, _): root.isVIX
        case .vixFuture: true
        case .cash, .peak: false
        }
    }

    static func expiry(_ symbol: InstrumentSymbol, calendar: TradingCalendar) -> MarketDate? {
        switch symbol {
        case .option(_, let expiry, _, _): expiry
        case .vixFuture(let year, let month): calendar.vixExpiry(year: year, month: month)
        case .cash, .peak: nil
        }
    }

    /// Intrinsic value (options) or settlement value (futures) per unit, index points.
    static func settlementPrice(_ symbol: InstrumentSymbol, expiry: MarketDate, store: some MarketDataStore) throws -> Double {
        func vixSettlement() throws -> Double {
            if let open = try store.observations(IndexHistory.openSymbol(of: "VIX"), from: expiry, asOf: expiry).last, open.date == expiry { return open.value }
            guard let close = try store.observations("VIX", from: expiry, asOf: expiry).last, close.date == expiry else {
                throw VolModelError.missingMarketData("no VIX open or close on \(expiry) to settle \(symbol)")
            }
            return close.value
        }
        switch symbol {
        case .cash, .peak:
            return 0
        case .vixFuture:
            return try vixSettlement()
        case .option(let root, _, let right, _):
            let underlying: Double
            if root.isVIX {
                underlying = try vixSettlement()
            } else {
                guard let bar = try store.bars("SPX", from: expiry, asOf: expiry).last, bar.date == expiry else {
                    throw VolModelError.missingMarketData("no S&P 500 close on \(expiry) to settle \(symbol)")
                }
                underlying = bar.close
            }
            let strike = symbol.strike ?? 0
            return max(right == .call ? underlying - strike : strike - underlying, 0)
        }
    }
}
