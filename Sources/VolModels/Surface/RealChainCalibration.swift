import MarketData
import QuantCore

/// Fits the SSVI surface to a real SPX chain from the store (least squares on implied vols).
///
/// Data: for each expiry at least 2 days out, the forward from put-call parity at the strike
/// where call and put mids are closest (F = K + e^{rT}(C − P)), used only within
/// `forwardTolerance(years:)` of the carry forward S·e^{(r−q)T} (an expiry whose mids put it
/// elsewhere is left out, its strikes counted; one without a call and put both bid at any
/// strike is fitted on the carry forward, and the report counts it); then the out-of-the-money
/// option at every strike (puts below F, calls above) whose quote is "liquid": bid > 0 and
/// (ask − bid)/mid ≤ `maximumRelativeSpread`. Its mid is inverted to an implied vol
/// (Let's Be Rational, Black-76 on F). Expiries with fewer than 5 such points are skipped.
/// Every strike left out is counted by its reason (`SkippedStrikes`), so the report says how
/// much of the chain the fit rests on.
///
/// Fit: one (ρ, η) for the surface (γ fixed), one θ per expiry. For given (ρ, η) each θ minimises
/// its expiry's squared vol errors (golden-section search, θ within [θ₀/5, 5θ₀] around the
/// near-the-money variance); (ρ, η) minimise the total by Nelder-Mead inside the no-butterfly
/// region |ρ| < 1, η > 0, η(1+|ρ|) ≤ 2. θ is then made non-decreasing in T. The report gives
/// the root-mean-square and the largest vol error in vol points over all points used.
public struct SurfaceFit: Sendable {
    public var surface: SPXVolSurface
    public var rho: Double
    public var eta: Double
    public var expiryCount: Int
    public var pointCount: Int
    /// Root-mean-square implied-vol error, in vol points (1 = 1%).
    public var rmsErrorVolPoints: Double
    public var maxErrorVolPoints: Double
    /// The chain's strikes, each expiry's counted apart (strike-expiry pairs; the
    /// out-of-the-money side of each is the candidate point), and why those not among the
    /// `pointCount` points were left out.
    public var strikeCount: Int
    public var skipped: SkippedStrikes
    /// Fitted expiries without a call and a put both bid at any strike, whose forward is
    /// therefore the carry forward S·e^{(r−q)T}, not the chain's own.
    public var carryForwardExpiries: Int

    /// One line for notes and reports: points used, of how many strikes, and the reasons for
    /// the rest (only those that occurred).
    public var summary: String {
        let carry = carryForwardExpiries
        return "\(pointCount) of \(strikeCount) strike\(strikeCount == 1 ? "" : "s") used"
            + (skipped.total == 0 ? "" : "; left out: " + skipped.listed)
            + (carry == 0 ? "" : "; \(carry) expir\(carry == 1 ? "y" : "ies") on the carry forward (no call and put both bid)")
    }
}

public enum RealChainCalibration {
    public static let maximumRelativeSpread = 0.5
    /// How far the put-call parity forward may lie from the carry forward S·e^{(r−q)T}, as
    /// |ln(F/carry)| at T years: 0.02 + 0.03·T (3% at a month, 11% at three years). The carry
    /// forward uses the surface's dividend yield and the Treasury rate: a yield 1% off moves it
    /// by about 1%·T, the gap between Treasury and option-implied financing by some 0.5%·T
    /// more, and a spot taken at another moment of a volatile day by a percent or so at any T.
    /// Beyond that the pair's mids are stale or inconsistent.
    public static func forwardTolerance(years t: Double) -> Double { 0.02 + 0.03 * t }

    struct Point { let k: Double; let vol: Double }
    struct ExpiryData {
        let time: Double
        let points: [Point]
        let theta0: Double
        /// Fitted on the carry forward: no strike had a call and a put both bid.
        let onCarryForward: Bool
    }

    public static func fit(_ quotes: [OptionQuote], inputs: MarketInputs, parameters: SPXSurfaceParameters = .standard) throws -> SurfaceFit {
        let q = parameters.dividendYield
        var data: [ExpiryData] = []
        var skipped = SkippedStrikes()
        var strikeCount = 0
        for (expiry, group) in Dictionary(grouping: quotes.filter { $0.quoteDate == inputs.date }, by: \.expiry) {
            let t = inputs.years(to: expiry)
            let strikes = Set(group.map(\.strike)).count
            strikeCount += strikes
            guard t >= 2.0 / 365 else {
                skipped.nearExpiry += strikes
                continue
            }
            let rate = inputs.rates.rate(years: t)
            if let expiryData = try expiryPoints(group, time: t, rate: rate, spot: inputs.spot, dividendYield: q, skipped: &skipped) {
                data.append(expiryData)
            }
        }
        data.sort { $0.time < $1.time }
        guard !data.isEmpty else {
            throw VolModelError.missingMarketData(
                "no expiry of the SPX chain on \(inputs.date) has 5 liquid quotes (\(strikeCount) strike\(strikeCount == 1 ? "" : "s")"
                    + (skipped.total == 0 ? "" : ": " + skipped.listed) + ")")
        }
        let gamma = parameters.gamma
        func objective(_ rho: Double, _ eta: Double) -> (error: Double, thetas: [Double]) {
            guard abs(rho) < 0.999, eta > 0, eta * (1 + abs(rho)) <= 2 else { return (.infinity, []) }
            var total = 0.0
            var thetas: [Double] = []
            for expiry in data {
                let (theta, error) = bestTheta(expiry, rho: rho, eta: eta, gamma: gamma)
                thetas.append(theta)
                total += error
            }
            return (total, thetas)
        }
        let (rho, eta) = nelderMead(start: (parameters.rho, parameters.eta)) { objective($0, $1).error }
        let best = objective(rho, eta)
        var fittedParameters = parameters
        fittedParameters.rho = rho
        fittedParameters.eta = eta
        let surface = try SPXVolSurface.fitted(
            spot: inputs.spot, rate: inputs.rates.rate(years: 30.0 / 365), dividendYield: q, expiries: data.map(\.time),
            atmTotalVariances: best.thetas, parameters: fittedParameters)
        var sum = 0.0, worst = 0.0, count = 0
        for expiry in data {
            let slice = surface.slice(expiry.time)
            for point in expiry.points {
                let error = abs((slice.totalVariance(k: point.k) / expiry.time).squareRoot() - point.vol) * 100
                sum += error * error
                worst = max(worst, error)
                count += 1
            }
        }
        return SurfaceFit(
            surface: surface, rho: rho, eta: eta, expiryCount: data.count, pointCount: count,
            rmsErrorVolPoints: (sum / Double(count)).squareRoot(), maxErrorVolPoints: worst, strikeCount: strikeCount, skipped: skipped,
            carryForwardExpiries: data.filter(\.onCarryForward).count)
    }

    /// One expiry's points, or nil: with fewer than 5 (those counted as `thinExpiry`) or
    /// without a usable forward (its strikes counted as `noForward`); each strike left out is
    /// counted in `skipped` by its reason. A quote the implied volatility refuses for a reason
    /// other than its price (a strike that is not positive) is an error.
    static func expiryPoints(
        _ quotes: [OptionQuote], time t: Double, rate: Double, spot: Double, dividendYield q: Double, skipped: inout SkippedStrikes
    ) throws(VolModelError) -> ExpiryData? {
        var calls: [Double: OptionQuote] = [:]
        var puts: [Double: OptionQuote] = [:]
        for quote in quotes {
            if quote.right == .call { calls[quote.strike] = quote } else { puts[quote.strike] = quote }
        }
        let strikes = Set(calls.keys).union(puts.keys).sorted()
        let paired = calls.keys.filter { puts[$0] != nil && calls[$0]!.bid > 0 && puts[$0]!.bid > 0 }
        let carry = spot * exp((rate - q) * t)
        let forward: Double
        let onCarry: Bool
        if let strike = paired.min(by: { abs(mid(calls[$0]!) - mid(puts[$0]!)) < abs(mid(calls[$1]!) - mid(puts[$1]!)) }) {
            forward = strike + exp(rate * t) * (mid(calls[strike]!) - mid(puts[strike]!))
            onCarry = false
        } else {
            forward = carry
            onCarry = true
        }
        // Import validates each quote (finite, bid ≤ ask), not the pair parity reads: stale or
        // inconsistent mids can put the forward anywhere, even below zero. Such an expiry is
        // left out and counted, not fitted around a wrong forward.
        guard forward > 0, forward.isFinite, abs(log(forward / carry)) <= forwardTolerance(years: t) else {
            skipped.noForward += strikes.count
            return nil
        }
        var points: [Point] = []
        for strike in strikes {
            guard let quote = strike < forward ? puts[strike] : calls[strike] else {
                skipped.noOutOfTheMoneyQuote += 1
                continue
            }
            guard quote.bid > 0, quote.ask > quote.bid else {
                skipped.noTwoSidedQuote += 1
                continue
            }
            let price = mid(quote)
            guard (quote.ask - quote.bid) / price <= maximumRelativeSpread else {
                skipped.wideSpread += 1
                continue
            }
            let type: OptionType = quote.right == .call ? .call : .put
            // A mid no volatility reproduces (at or below intrinsic, at the bound) is counted,
            // not fitted; any other error (the inputs, checked above) stops the fit.
            let vol: Double
            do {
                vol = try ImpliedVolatility.black76(type, price: price, forward: forward, strike: strike, time: t, rate: rate).volatility
            } catch {
                switch error {
                case .belowIntrinsic, .atIntrinsic, .aboveMaximum:
                    skipped.noImpliedVolatility += 1
                    continue
                default:
                    throw .invalidMarketData("implied volatility of the SPX \(type) \(strike) expiring \(quote.expiry) on \(quote.quoteDate): \(error)")
                }
            }
            points.append(Point(k: log(strike / forward), vol: vol))
        }
        guard points.count >= 5, let nearest = points.min(by: { abs($0.k) < abs($1.k) }) else {
            skipped.thinExpiry += points.count
            return nil
        }
        return ExpiryData(time: t, points: points, theta0: nearest.vol * nearest.vol * t, onCarryForward: onCarry)
    }

    static func mid(_ quote: OptionQuote) -> Double { 0.5 * (quote.bid + quote.ask) }

    /// Golden-section search for θ minimising Σ(σ_SSVI − σ)² over one expiry (the error is
    /// unimodal in θ for fixed shape near the data's ATM level).
    static func bestTheta(_ expiry: ExpiryData, rho: Double, eta: Double, gamma: Double) -> (Double, Double) {
        func error(_ theta: Double) -> Double {
            let slice = SSVISlice(uncheckedTheta: theta, rho: rho, eta: eta, gamma: gamma)
            var sum = 0.0
            for point in expiry.points {
                let d = (slice.totalVariance(k: point.k) / expiry.time).squareRoot() - point.vol
                sum += d * d
            }
            return sum
        }
        var a = log(expiry.theta0 / 5), b = log(expiry.theta0 * 5)
        let ratio = (5.0.squareRoot() - 1) / 2
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = error(exp(c)), fd = error(exp(d))
        for _ in 0..<80 where b - a > 1e-10 {
            if fc < fd {
                b = d; d = c; fd = fc
                c = b - ratio * (b - a); fc = error(exp(c))
            } else {
                a = c; c = d; fc = fd
                d = a + ratio * (b - a); fd = error(exp(d))
            }
        }
        let theta = exp((a + b) / 2)
        return (theta, error(theta))
    }

    /// Nelder-Mead in two dimensions (standard coefficients 1, 2, ½, ½), 300 evaluations at most.
    static func nelderMead(start: (Double, Double), _ f: (Double, Double) -> Double) -> (Double, Double) {
        var simplex = [(start.0, start.1), (start.0 + 0.1, start.1), (start.0, start.1 * 0.8)]
        var values = simplex.map { f($0.0, $0.1) }
        for _ in 0..<300 {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[2] - values[0]) <= 1e-14 * max(1e-300, abs(values[0])) + 1e-20 { break }
            let centroid = ((simplex[0].0 + simplex[1].0) / 2, (simplex[0].1 + simplex[1].1) / 2)
            func along(_ factor: Double) -> (Double, Double) {
                (centroid.0 + factor * (simplex[2].0 - centroid.0), centroid.1 + factor * (simplex[2].1 - centroid.1))
            }
            let reflected = along(-1)
            let fr = f(reflected.0, reflected.1)
            if fr < values[0] {
                let expanded = along(-2)
                let fe = f(expanded.0, expanded.1)
                (simplex[2], values[2]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[1] {
                (simplex[2], values[2]) = (reflected, fr)
            } else {
                let contracted = along(0.5)
                let fc = f(contracted.0, contracted.1)
                if fc < values[2] {
                    (simplex[2], values[2]) = (contracted, fc)
                } else {
                    for i in 1...2 {
                        simplex[i] = ((simplex[0].0 + simplex[i].0) / 2, (simplex[0].1 + simplex[i].1) / 2)
                        values[i] = f(simplex[i].0, simplex[i].1)
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return simplex[best]
    }
}
