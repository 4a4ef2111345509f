/// Cboe VIX futures settlements (`--kind vx-futures`), in either layout:
/// - Cboe CFE daily files, one per contract: `Trade Date,Futures,Open,High,Low,Close,Settle,…`,
///   the contract named in `Futures` as CFE writes it (`F (Jan 14)`) or as a ticker (`VXF14`,
///   `VX F14`); its expiry is that month's VIX expiry from the trading calendar;
/// - continuous front/second-month files in the Quandl CHRIS layout (`Trade Date,Open,High,Low,
///   Close,Settle,Change,Total Volume,EFP,Prev. Day Open Interest`) with `position` 1 (VX1) or
///   2 (VX2): a row dated d belongs to the first (VX1) or second (VX2) VIX expiry on or after d,
///   because the continuous series rolls the day after an expiry.
/// Settlements dated before 2007-03-26 are on Cboe's old ×10 scale (about 148 for a VIX of
/// 14.8): they are divided by 10 and the count is stated in the notes, never mixed silently.
/// A settle of 0 (no settlement that day) skips the row, counted in the notes; a negative or
/// non-numeric settle fails naming file, line and field. Dates strictly increasing.
public struct VXFuturesImporter: MarketImporter {
    public var kind: ImportKind { .vxFutures }
    /// 1 or 2 for a continuous CHRIS file (VX1, VX2); nil for per-contract CFE files.
    public let position: Int?
    public let calendar: TradingCalendar

    /// The first trading date on Cboe's current VIX scale (VX settlements before it are ×10).
    public static let rescaleDate = MarketDate(year: 2007, month: 3, day: 26)!

    public init(position: Int?, calendar: TradingCalendar) {
        self.position = position
        self.calendar = calendar
    }

    /// `VX1` → 1, `VX2` → 2, anything else nil.
    public static func position(ofSymbol symbol: String?) -> Int? {
        switch symbol?.uppercased() {
        case "VX1": 1
        case "VX2": 2
        default: nil
        }
    }

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        let (settlements, notes) = try parseSettlements(bytes, file: file)
        return .futures(settlements, notes: notes)
    }

    public func parseSettlements(_ bytes: [UInt8], file: String) throws(InputError) -> ([FuturesSettlement], [String]) {
        var reader = try CSVReader(bytes, file: file)
        let date = try reader.column("Trade Date", "Date", "DATE")
        let settle = try reader.column("Settle", "SETTLE")
        let contract = reader.optionalColumn(["Futures", "FUTURES"])
        if contract == nil, position == nil {
            throw InputError(
                file: file, line: reader.headerLine, field: "Futures",
                message: "no Futures column: a continuous (CHRIS) file needs --symbol VX1 or VX2")
        }
        if contract != nil, position != nil {
            throw InputError(
                file: file, line: reader.headerLine, field: "Futures",
                message: "a per-contract CFE file names its contract in the Futures column: do not pass --symbol VX1/VX2")
        }
        var order = DateOrder(.increasing)
        var settlements: [FuturesSettlement] = []
        var rescaled = 0
        var zero = 0
        while try reader.next() {
            let day = try reader.date(date)
            try order.check(day, reader, column: date)
            var value = try reader.nonNegative(settle)
            if value == 0 {
                zero += 1
                continue
            }
            let expiry: MarketDate
            if let contract {
                expiry = try contractExpiry(reader, column: contract)
            } else {
                guard calendar.covers(day), let first = calendar.nextVIXExpiry(onOrAfter: day) else {
                    throw reader.error(date, "\(day) is outside the trading calendar (\(calendar.firstSession) .. \(calendar.lastSession))")
                }
                if position == 2 {
                    guard let second = calendar.nextVIXExpiry(onOrAfter: first.adding(days: 1)) else {
                        throw reader.error(date, "the second VIX expiry after \(day) is outside the trading calendar")
                    }
                    expiry = second
                } else {
                    expiry = first
                }
            }
            guard expiry >= day else { throw reader.error(date, "\(day) is after the contract's expiry \(expiry)") }
            if day < Self.rescaleDate {
                value /= 10
                rescaled += 1
            }
            settlements.append(FuturesSettlement(root: "VX", date: day, expiry: expiry, settle: value))
        }
        var notes: [String] = []
        if rescaled > 0 {
            notes.append("\(file): \(rescaled) settlements before \(Self.rescaleDate) were on Cboe's old x10 scale and were divided by 10")
        }
        if zero > 0 { notes.append("\(file): \(zero) rows with a settle of 0 (no settlement) skipped") }
        return (settlements, notes)
    }

    private static let monthCodes: [Character] = ["F", "G", "H", "J", "K", "M", "N", "Q", "U", "V", "X", "Z"]

    /// `F (Jan 14)`, `VXF14` or `VX F14` → that month's VIX expiry.
    private func contractExpiry(_ reader: CSVReader, column: Int) throws(InputError) -> MarketDate {
        let text = try reader.text(column).uppercased().filter { !$0.isWhitespace }
        var body = Substring(text)
        if body.hasPrefix("VX") { body = body.dropFirst(2) }
        body = Substring(body.filter { $0 != "(" && $0 != ")" && $0 != "/" })
        // `F(JAN14)` → code F, then an optional month name, then the year's two digits.
        guard let code = body.first, let month = Self.monthCodes.firstIndex(of: code).map({ $0 + 1 }) else {
            throw reader.error(column, "not a VX contract (expected e.g. 'F (Jan 14)' or 'VXF14'): \(reader.quoted(column))")
        }
        let digits = body.suffix(2)
        guard digits.count == 2, let yy = Int(digits) else {
            throw reader.error(column, "no two-digit year in the contract name \(reader.quoted(column))")
        }
        let year = 2000 + yy
        guard let expiry = calendar.vixExpiry(year: year, month: month) else {
            throw reader.error(column, "the expiry of \(reader.quoted(column)) is outside the trading calendar")
        }
        return expiry
    }
}
