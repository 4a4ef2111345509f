/// An amount of money in US cents, stored as a 64-bit integer.
///
/// Why integers: a ledger must add up to the cent. Binary floating point cannot hold 0.10 or
/// 0.20 exactly, so summing thousands of premiums, fees and marks as `Double` drifts, and an
/// invariant such as "Σ component P&L = equity − capital" would only hold to within some
/// tolerance. Integer cents make every sum, difference and comparison exact, so ledger
/// invariants hold by construction and can be checked with `==`.
///
/// Units: one unit of `cents` is US$0.01. The range is ±9.2·10¹⁶ dollars; overflow traps
/// (Swift's checked integer arithmetic) rather than wrapping silently.
///
/// Conversion from dollars (`init(dollars:)`) rounds to the nearest cent, half away from zero,
/// reading the amount as its shortest decimal representation (see the initialiser).
public struct Cents: Hashable, Comparable, Sendable, Codable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in cents (US$0.01 each); negative for a debit or a loss.
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    /// The nearest cent to `dollars`, ties rounded half away from zero
    /// (0.125 → 13¢, −0.125 → −13¢, 0.135 → 14¢).
    ///
    /// The amount is rounded as its shortest decimal representation reads — the digits Swift
    /// prints for the `Double` — not as its exact binary value. `1.005` is stored in binary as
    /// 1.00499999999999989…, which `(x · 100).rounded()` would take to $1.00; here it becomes
    /// $1.01, as anyone reading "1.005" (e.g. a price in a CSV file) expects. Likewise
    /// `0.1 + 0.2` (= 0.30000000000000004) becomes exactly 30¢.
    ///
    /// Round trip: `Cents(dollars: c.dollars) == c` for every |c| below $10 trillion.
    /// - Precondition: `dollars` is finite and its cents fit in `Int64`.
    public init(dollars: Double) {
        precondition(dollars.isFinite, "Cents(dollars:) needs a finite amount (got \(dollars))")
        let magnitude = Cents.fastRoundedCents(dollars.magnitude) ?? Cents.roundedCents(ofDecimal: dollars.magnitude.description)
        cents = dollars < 0 ? -magnitude : magnitude
    }

    /// The same rounding without printing the amount, whenever the binary value settles it:
    /// the shortest decimal D of a double d is within ulp(d)/2 of it, so 100·D is within
    /// 50·ulp(d) of 100·d, and y = fl(100·d) within another ulp(y)/2. When y's fractional part
    /// is further than that from ½, 100·D rounds (half up) to the same integer as y does; only
    /// amounts that close to a half cent (1.005, 0.125) need their digits. Ledger amounts are
    /// rounded on every fill, fee and mark of every backtest variant, and printing each one
    /// was a twentieth of a sweep. nil from 4e15 cents on (from 2^51 an ulp of y is ½ or more,
    /// so the margin test could not pass anyway).
    static func fastRoundedCents(_ magnitude: Double) -> Int64? {
        let scaled = magnitude * 100
        guard scaled < 4e15 else { return nil }
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        guard abs(fraction - 0.5) > 64 * magnitude.ulp + scaled.ulp else { return nil }
        return Int64(whole) + (fraction > 0.5 ? 1 : 0)
    }

    /// The rounding through the amount's printed digits (what `fastRoundedCents` agrees with).
    static func textRoundedCents(_ magnitude: Double) -> Int64 {
        roundedCents(ofDecimal: magnitude.description)
    }

    /// The amount in dollars (nearest `Double` to cents / 100). For reporting and for models
    /// that work in `Double`; never sum these back up — sum `Cents` instead.
    public var dollars: Double { Double(cents) / 100 }

    public static var zero: Cents { Cents(cents: 0) }

    public static func + (lhs: Cents, rhs: Cents) -> Cents { Cents(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Cents, rhs: Cents) -> Cents { Cents(cents: lhs.cents - rhs.cents) }
    public static prefix func - (value: Cents) -> Cents { Cents(cents: -value.cents) }
    /// A per-unit amount times a count (e.g. a per-contract fee × contracts); exact.
    public static func * (lhs: Cents, rhs: Int) -> Cents { Cents(cents: lhs.cents * Int64(rhs)) }
    public static func * (lhs: Int, rhs: Cents) -> Cents { rhs * lhs }
    public static func < (lhs: Cents, rhs: Cents) -> Bool { lhs.cents < rhs.cents }

    /// `$1,234.56`, `-$1,234.56`, `$0.05`: dollar sign after the minus, thousands grouped
    /// with commas, always two decimals.
    public var description: String {
        let magnitude = cents.magnitude
        let whole = String(magnitude / 100)
        let fraction = magnitude % 100
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (cents < 0 ? "-$" : "$") + grouped + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    /// Encoded as the bare integer number of cents (no float ever enters a stored ledger).
    public init(from decoder: any Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }

    /// Cents of a non-negative decimal numeral as `Double.description` prints it
    /// (`123.456`, `1e-05`, `1.2345e+20`), rounded half up (= away from zero for a magnitude).
    private static func roundedCents(ofDecimal text: String) -> Int64 {
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var exponentSign = 1
        var state = 0  // 0 integer part, 1 fraction part, 2 exponent
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let value = Int(byte - UInt8(ascii: "0"))
                if state == 2 {
                    exponent = exponent * 10 + value
                } else {
                    digits.append(UInt8(value))
                    if state == 1 { fractionDigits += 1 }
                }
            case UInt8(ascii: "."): state = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"): state = 2
            case UInt8(ascii: "-"): exponentSign = -1
            case UInt8(ascii: "+"): break
            default: preconditionFailure("Cents(dollars:): unexpected numeral \(text)")
            }
        }
        // value = digits · 10^(exponent − fractionDigits); cents = value · 100.
        let shift = exponentSign * exponent - fractionDigits + 2
        let kept = shift >= 0 ? digits.count : digits.count + shift
        var result: Int64 = 0
        func accumulate(_ digit: Int64) {
            let (times10, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            precondition(!overflow1 && !overflow2, "Cents(dollars:): \(text) dollars do not fit in Int64 cents")
            result = sum
        }
        for index in 0..<max(kept, 0) { accumulate(Int64(digits[index])) }
        if shift > 0 { for _ in 0..<shift { accumulate(0) } }
        // The first dropped digit decides: ≥ 5 means at least half a cent, so round away.
        if kept >= 0 && kept < digits.count && digits[kept] >= 5 {
            let (rounded, overflow) = result.addingReportingOverflow(1)
            precondition(!overflow, "Cents(dollars:): \(text) dollars do not fit in Int64 cents")
            result = rounded
        }
        return result
    }
}

extension Sequence where Element == Cents {
    /// Exact sum of the amounts.
    public func sum() -> Cents { reduce(.zero, +) }
}
