/// A tradable instrument as brokers write it:
/// - options in OCC symbology: the root padded to 6 characters, the expiry as YYMMDD, `C` or
///   `P`, and the strike × 1000 in 8 digits (`SPXW  180316P02500000` is the SPXW put struck at
///   2500 expiring 2018-03-16; `VIX   180321C00040000` the VIX call struck at 40). Roots: `SPX`
///   (standard monthly SPX), `SPXW` (SPX weeklies and end-of-month), `VIX`. The padding may be
///   omitted (`SPXW180316P02500000`), as some brokers print it;
/// - VIX futures as `VX` + the CFE month code (F G H J K M N Q U V X Z) + two-digit year
///   (`VXH18`, the March 2018 contract);
/// - `CASH` for deposits and withdrawals;
/// - `PEAK`, not a trade: the account's peak equity (price, dollars) and its date, which an
///   exported book carries for the drawdown brake.
/// Years are 20YY. `description` writes the canonical form (padded OCC).
public enum InstrumentSymbol: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public enum OptionRoot: String, Sendable, Codable, CaseIterable {
        case spx = "SPX", spxw = "SPXW", vix = "VIX"

        /// SPX and SPXW options are on the S&P 500; VIX options on the VIX.
        public var isVIX: Bool { self == .vix }
    }

    case option(root: OptionRoot, expiry: MarketDate, right: OptionQuote.Right, strikeThousandths: Int)
    /// The VX future of `year`-`month` (it expires on that month's VIX expiration).
    case vixFuture(year: Int, month: Int)
    case cash
    case peak

    /// Contract multiplier: $100 per point for SPX and VIX options, $1,000 for VX futures, $1 for cash.
    public var multiplier: Double {
        switch self {
        case .option: 100
        case .vixFuture: 1000
        case .cash, .peak: 1
        }
    }

    /// The strike in index points (options only).
    public var strike: Double? {
        if case .option(_, _, _, let k) = self { return Double(k) / 1000 }
        return nil
    }

    static let monthCodes: [Character] = ["F", "G", "H", "J", "K", "M", "N", "Q", "U", "V", "X", "Z"]

    /// Parses a broker symbol; the error says what was expected.
    public static func parse(_ text: String) -> Result<InstrumentSymbol, SymbolError> {
        var chars = Array(text)
        while chars.last == " " { chars.removeLast() }
        while chars.first == " " { chars.removeFirst() }
        if String(chars) == "CASH" { return .success(.cash) }
        if String(chars) == "PEAK" { return .success(.peak) }
        if chars.count == 5, chars[0] == "V", chars[1] == "X", let month = monthCodes.firstIndex(of: chars[2]),
            let yy = Int(String(chars[3...4])), chars[3...4].allSatisfy({ $0.isNumber })
        {
            return .success(.vixFuture(year: 2000 + yy, month: month + 1))
        }
        // OCC: letters (the root), optional spaces, then exactly 15 characters.
        let root = String(chars.prefix { $0.isLetter })
        let rest = chars.dropFirst(root.count).drop { $0 == " " }
        let spaces = chars.count - root.count - rest.count
        guard !root.isEmpty, rest.count == 15, spaces == 0 || root.count + spaces == 6 else {
            return .failure(SymbolError(symbol: text, reason: expected))
        }
        guard let optionRoot = OptionRoot(rawValue: root) else {
            return .failure(SymbolError(symbol: text, reason: "unknown option root '\(root)' (known: SPX, SPXW, VIX)"))
        }
        let body = Array(rest)
        guard body[0..<6].allSatisfy({ $0.isNumber }), body[7..<15].allSatisfy({ $0.isNumber }),
            let yy = Int(String(body[0..<2])), let mm = Int(String(body[2..<4])), let dd = Int(String(body[4..<6])),
            let strike = Int(String(body[7..<15]))
        else {
            return .failure(SymbolError(symbol: text, reason: expected))
        }
        guard let expiry = MarketDate(year: 2000 + yy, month: mm, day: dd) else {
            return .failure(SymbolError(symbol: text, reason: "expiry \(String(body[0..<6])) is not a date (YYMMDD)"))
        }
        guard let right = OptionQuote.Right(rawValue: String(body[6])) else {
            return .failure(SymbolError(symbol: text, reason: "option type must be C or P, got '\(body[6])'"))
        }
        guard strike > 0 else { return .failure(SymbolError(symbol: text, reason: "strike must be > 0")) }
        return .success(.option(root: optionRoot, expiry: expiry, right: right, strikeThousandths: strike))
    }

    static let expected = "expected an OCC option symbol (root padded to 6, YYMMDD, C/P, strike x 1000 in 8 digits, e.g. 'SPXW  180316P02500000'), a VIX future ('VXH18'), CASH or PEAK"

    public var description: String {
        switch self {
        case .cash:
            return "CASH"
        case .peak:
            return "PEAK"
        case .vixFuture(let year, let month):
            return "VX\(Self.monthCodes[month - 1])\(twoDigits(year % 100))"
        case .option(let root, let expiry, let right, let strike):
            let (y, m, d) = expiry.components
            let padded = root.rawValue + String(repeating: " ", count: 6 - root.rawValue.count)
            let digits = String(strike)
            return padded + twoDigits(y % 100) + twoDigits(m) + twoDigits(d) + right.rawValue
                + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        }
    }

    public static func < (a: InstrumentSymbol, b: InstrumentSymbol) -> Bool { a.description < b.description }
}

private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

/// Why a symbol could not be read.
public struct SymbolError: Error, Equatable, Sendable, CustomStringConvertible {
    public var symbol: String
    public var reason: String
    public var description: String { "unknown symbol '\(symbol)': \(reason)" }
}
