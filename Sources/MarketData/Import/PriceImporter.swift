/// Daily OHLC bars (`--kind prices`) from either layout, told apart by the header:
/// - Yahoo Finance: `Date,Open,High,Low,Close,Adj Close,Volume` (dates `M/D/YYYY` or ISO);
/// - Cboe index history (e.g. VIX_History.csv): `DATE,OPEN,HIGH,LOW,CLOSE`.
/// - close-only: `Date,Close` (a series whose source publishes no open, high or low; the bars
///   are stored without them, never filled in).
/// Rules: dates strictly increasing, every price and the volume >= 0, High >= Low. Nothing
/// stricter: real Yahoo rows do not always keep Open and Close inside [Low, High] to the last
/// digit, and refusing them would refuse real data.
public struct PriceImporter: MarketImporter {
    public var kind: ImportKind { .prices }

    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        .bars(try parseBars(bytes, file: file))
    }

    public func parseBars(_ bytes: [UInt8], file: String) throws(InputError) -> [DailyBar] {
        var reader = try CSVReader(bytes, file: file)
        let date = try reader.column("Date", "DATE")
        let close = try reader.column("Close", "CLOSE")
        if reader.header.count == 2 { return try parseCloses(&reader, date: date, close: close) }
        let open = try reader.column("Open", "OPEN")
        let high = try reader.column("High", "HIGH")
        let low = try reader.column("Low", "LOW")
        let adjusted = reader.optionalColumn(["Adj Close", "ADJ CLOSE"])
        let volume = reader.optionalColumn(["Volume", "VOLUME"])
        var order = DateOrder(.increasing)
        var bars: [DailyBar] = []
        while try reader.next() {
            let day = try reader.date(date)
            try order.check(day, reader, column: date)
            let o = try reader.nonNegative(open)
            let h = try reader.nonNegative(high)
            let l = try reader.nonNegative(low)
            let c = try reader.nonNegative(close)
            guard h >= l else {
                throw reader.error(high, "must be >= \(reader.header[low]) (got \(CSVReader.display(reader.cellBytes(high))) < \(CSVReader.display(reader.cellBytes(low))))")
            }
            let a = try adjusted.map { (column) throws(InputError) in try reader.nonNegative(column) }
            let v = try volume.map { (column) throws(InputError) in try reader.nonNegative(column) }
            bars.append(DailyBar(date: day, open: o, high: h, low: l, close: c, adjustedClose: a, volume: v))
        }
        return bars
    }

    private func parseCloses(_ reader: inout CSVReader, date: Int, close: Int) throws(InputError) -> [DailyBar] {
        var order = DateOrder(.increasing)
        var bars: [DailyBar] = []
        while try reader.next() {
            let day = try reader.date(date)
            try order.check(day, reader, column: date)
            bars.append(DailyBar(date: day, close: try reader.nonNegative(close)))
        }
        return bars
    }
}
