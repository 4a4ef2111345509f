import QuantCore
import MarketData

/// Continuously compounded risk-free rates from a Treasury constant-maturity curve.
///
/// The CMT yields are bond-equivalent (semi-annual) decimals; r = 2·ln(1 + y/2) converts them
/// to continuous compounding, the convention of every pricer in QuantCore. Between tenors the
/// continuous rate is interpolated linearly in maturity; before the shortest available tenor
/// and after the longest it is held flat. Missing tenors (nil on that day) are skipped.
public struct RateCurve: Sendable, Equatable {
    public let date: MarketDate
    /// (years, continuous rate), sorted by years.
    public let points: [(years: Double, rate: Double)]
    /// Where the rates came from, for outputs: the Treasury CMT curve of a date, FRED's daily
    /// series, or a flat what-if rate.
    public let source: String

    public init(_ curve: TreasuryCurve) throws(VolModelError) {
        var points: [(Double, Double)] = []
        for (index, yield) in curve.yields.enumerated() {
            guard let yield else { continue }
            guard yield.isFinite, yield > -0.5 else {
                throw .invalidMarketData("Treasury \(TreasuryCurve.tenorNames[index]) yield \(yield) on \(curve.date)")
            }
            points.append((TreasuryCurve.tenorYears[index], 2 * log1p(yield / 2)))
        }
        guard !points.isEmpty else { throw .invalidMarketData("no Treasury yields on \(curve.date)") }
        self.date = curve.date
        self.points = points
        self.source = "Treasury CMT curve of \(curve.date)"
    }

    /// The curve from FRED's daily series when no Treasury curve is within a week (the bundled
    /// curves end 2019-08-26): the effective federal funds rate DFF as the overnight point, the
    /// 2-year DGS2 and the 10-year DGS10 constant-maturity yields, each the latest value known at
    /// `asOf` and at most 7 days old (a missing one is left out; none at all is an error).
    /// Conventions: DFF is a money-market rate (ACT/360, compounded daily), so r = 365·ln(1 +
    /// DFF/360); DGS2/DGS10 are bond-equivalent like the CMT curve, r = 2·ln(1 + y/2). Percent
    /// in the files. Between 1 day and 2 years the rate is interpolated linearly in maturity, as
    /// for the full curve: coarser than a bill curve, adequate for discounting options of up to a
    /// year (the 1-year rate is off by at most the slope's curvature).
    public static func fromDailyYields(_ store: some MarketDataStore, asOf: MarketDate) throws -> RateCurve {
        var points: [(years: Double, rate: Double)] = []
        var used: [String] = []
        for (symbol, years) in [("DFF", 1.0 / 365), ("DGS2", 2.0), ("DGS10", 10.0)] {
            guard let latest = try store.observations(symbol, from: asOf.adding(days: -7), asOf: asOf).last else { continue }
            used.append("\(symbol) \(latest.date)")
            let y = latest.value / 100
            guard y.isFinite, y > -0.5 else { throw VolModelError.invalidMarketData("\(symbol) \(latest.value)% on \(latest.date)") }
            points.append((years, symbol == "DFF" ? 365 * log1p(y / 360) : 2 * log1p(y / 2)))
        }
        guard !points.isEmpty else {
            throw VolModelError.missingMarketData("no Treasury curve and no DFF/DGS2/DGS10 within a week before \(asOf)")
        }
        return RateCurve(date: asOf, points: points, source: "FRED daily " + used.joined(separator: ", ") + " (no Treasury curve within a week)")
    }

    init(date: MarketDate, points: [(years: Double, rate: Double)], source: String) {
        self.date = date
        self.points = points
        self.source = source
    }

    /// A flat curve (tests, what-if runs).
    public init(date: MarketDate, flatRate: Double) {
        self.date = date
        self.points = [(1, flatRate)]
        self.source = "flat \(flatRate)"
    }

    /// The continuous rate for a maturity in years.
    public func rate(years: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if years <= first.years { return first.rate }
        if years >= last.years { return last.rate }
        var upper = 1
        while points[upper].years < years { upper += 1 }
        let a = points[upper - 1]
        let b = points[upper]
        let weight = (years - a.years) / (b.years - a.years)
        return a.rate + weight * (b.rate - a.rate)
    }

    public static func == (a: RateCurve, b: RateCurve) -> Bool {
        a.date == b.date && a.source == b.source && a.points.elementsEqual(b.points) { $0.years == $1.years && $0.rate == $1.rate }
    }
}
