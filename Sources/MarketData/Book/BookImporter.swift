/// Reads the trader's fills, `date,symbol,quantity,price,fees[,layer]` (see `InstrumentSymbol`
/// for the symbols), strictly and all-or-nothing: the first bad row stops the import with its
/// file, line and field, and nothing is written. Refused: an unknown or malformed symbol, a
/// quantity that is zero or not an integer, a price or fee that is not a number (or negative;
/// `CASH` may be negative), a date after the as-of date, a contract that had expired before
/// the fill date (VX futures expire on their month's VIX expiration, from the calendar), a
/// layer other than condor, layer1, layer2, layer3, fees or a layer on a `CASH` or `PEAK` line,
/// a `PEAK` line that is not quantity 1 with a positive price, amounts out of range.
public struct BookImporter: Sendable {
    public let asOf: MarketDate
    public let calendar: TradingCalendar

    public init(asOf: MarketDate, calendar: TradingCalendar) {
        self.asOf = asOf
        self.calendar = calendar
    }

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> [BookFill] {
        var reader = try CSVReader(bytes, file: file)
        let date = try reader.column("date")
        let symbol = try reader.column("symbol")
        let quantity = try reader.column("quantity")
        let price = try reader.column("price")
        let fees = try reader.column("fees")
        let layer = reader.optionalColumn(["layer"])
        var fills: [BookFill] = []
        while try reader.next() {
            let day = try reader.date(date)
            guard day <= asOf else { throw reader.error(date, "\(day) is after the as-of date \(asOf)") }
            let instrument: InstrumentSymbol
            switch InstrumentSymbol.parse(try reader.text(symbol)) {
            case .success(let s): instrument = s
            case .failure(let e): throw reader.error(symbol, e.description)
            }
            if let expiry = try expiry(of: instrument, reader: reader, column: symbol), expiry < day {
                throw reader.error(symbol, "\(instrument) expired on \(expiry), before the fill date \(day)")
            }
            let count = try reader.number(quantity)
            guard count == count.rounded(), abs(count) < 1e9 else { throw reader.error(quantity, "must be a whole number of contracts, got \(reader.quoted(quantity))") }
            guard count != 0 else { throw reader.error(quantity, "must not be 0 (positive buys, negative sells)") }
            let value = try reader.number(price)
            if instrument != .cash {  // a withdrawal is a negative cash line
                guard value >= 0 else { throw reader.error(price, "must be >= 0 (got \(reader.quoted(price)))") }
            }
            let fee = try reader.nonNegative(fees)
            // Cents must stay far inside Int64 (and a typo like 1e20 is not a trade).
            guard abs(count * value * instrument.multiplier) < 1e12 else {
                throw reader.error(price, "quantity × price × multiplier is out of range (\(reader.quoted(price)))")
            }
            guard fee < 1e9 else { throw reader.error(fees, "out of range (\(reader.quoted(fees)))") }
            if instrument == .cash || instrument == .peak {
                guard fee == 0 else { throw reader.error(fees, "must be 0 on a \(instrument) line") }
                if let layer, !reader.isEmpty(layer) { throw reader.error(layer, "must be empty on a \(instrument) line") }
                if instrument == .peak {
                    guard count == 1, value > 0 else { throw reader.error(quantity, "a PEAK line is quantity 1 with the peak equity (> 0) as price") }
                }
            }
            var group: String?
            if let layer, !reader.isEmpty(layer) {
                let name = try reader.text(layer)
                guard BookFill.layers.contains(name) else {
                    throw reader.error(layer, "unknown layer '\(name)' (condor, layer1, layer2, layer3, or empty)")
                }
                group = name
            }
            fills.append(BookFill(date: day, symbol: instrument, quantity: Int(count), price: value, fees: Cents(dollars: fee), layer: group))
        }
        return fills
    }

    /// The last day the contract trades (options: their OCC date; VX: the VIX expiration of
    /// its month), nil for cash.
    func expiry(of symbol: InstrumentSymbol, reader: CSVReader, column: Int) throws(InputError) -> MarketDate? {
        switch symbol {
        case .cash, .peak: return nil
        case .option(_, let expiry, _, _): return expiry
        case .vixFuture(let year, let month):
            guard let expiry = calendar.vixExpiry(year: year, month: month) else {
                throw reader.error(column, "\(symbol): the trading calendar does not cover its expiry")
            }
            return expiry
        }
    }
}
