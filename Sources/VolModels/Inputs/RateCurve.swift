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
    }

    /// A flat curve (tests, what-if runs).
    public init(date: MarketDate, flatRate: Double) {
        self.date = date
        self.points = [(1, flatRate)]
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
        a.date == b.date && a.points.elementsEqual(b.points) { $0.years == $1.years && $0.rate == $1.rate }
    }
}
