#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

extension PortfolioStatistics {
    /// Lowest annual rate searched by ``xirr(_:)`` (-99.99 %/yr).
    public static let xirrLowerBound: Double = -0.9999
    /// Highest annual rate searched by ``xirr(_:)`` (1e6 = 100,000,000 %/yr).
    public static let xirrUpperBound: Double = 1e6

    /// Year fractions Act/365 Fixed measured from the **first** flow in the array:
    /// `t[i] = (dayNumber[i] - dayNumber[0]) / 365` (Excel XIRR convention; t may be
    /// negative if flows are unsorted, which does not change the root).
    static func yearFractions(_ flows: [CashFlow]) -> [Double] {
        let d0 = Double(flows[0].dayNumber)
        return flows.map { (Double($0.dayNumber) - d0) / 365 }
    }

    /// Net present value of dated flows at an annual rate, Act/365 Fixed, discounted
    /// to the date of the first flow: `XNPV(r) = sum_i a_i / (1 + r)^(t_i)`.
    ///
    /// - Throws: `.insufficientData` (no flows), `.nonFiniteInput` (amount),
    ///   `.invalidParameter` if `rate` is not finite or `<= -1`, or the NPV overflows.
    public static func xnpv(rate: Double, flows: [CashFlow]) throws(StatisticsError) -> Double {
        guard !flows.isEmpty else { throw .insufficientData(needed: 1, got: 0) }
        for (i, f) in flows.enumerated() where !f.amount.isFinite { throw .nonFiniteInput(index: i) }
        guard rate.isFinite, rate > -1 else {
            throw .invalidParameter(name: "rate", reason: "must be finite and > -1, got \(rate)")
        }
        let x = log1p(rate)
        let t = yearFractions(flows)
        let terms = zip(flows, t).map { $0.amount * exp(-$1 * x) }
        let v = compensatedSum(terms)
        guard v.isFinite else {
            throw .invalidParameter(name: "rate", reason: "NPV overflows at rate \(rate)")
        }
        return v
    }

    /// XIRR's search grid in x = log(1 + r): 4000 uniform steps from `log1p(xirrLowerBound)` to
    /// `log1p(xirrUpperBound)`, the last point exactly the upper end.
    static let xirrGridPoints = xirrGrid()

    static func xirrGrid() -> [Double] {
        let xLo = log1p(xirrLowerBound), xHi = log1p(xirrUpperBound)
        let steps = 4000
        var grid = [Double](repeating: xLo, count: steps + 1)
        for k in 1...steps { grid[k] = k == steps ? xHi : xLo + (xHi - xLo) * Double(k) / Double(steps) }
        return grid
    }

    /// XIRR's sign-preserving scaled NPV in x = log(1 + r): `Σ aᵢ·exp(-(tᵢ - s)·x)` with
    /// s = tMax for x < 0 and tMin otherwise (the positive factor exp(s·x) keeps every weight
    /// ≤ 1, so nothing overflows), summed with Neumaier's compensation.
    static func xirrScaledNPV(_ x: Double, amounts: [Double], t: [Double], tMin: Double, tMax: Double) -> Double {
        let s = x < 0 ? tMax : tMin
        var terms = [Double]()
        terms.reserveCapacity(amounts.count)
        for i in amounts.indices { terms.append(amounts[i] * exp(-(t[i] - s) * x)) }
        return compensatedSum(terms)
    }

    /// Annualised internal rate of return of irregularly dated cash flows (XIRR).
    ///
    /// Solves `sum_i a_i / (1 + r)^(t_i) = 0` with Act/365 Fixed year fractions
    /// `t_i = (day_i - day_0) / 365` from the first flow (Excel's XIRR convention).
    /// Result is an annual, annually compounded decimal rate (0.10 = 10 %/yr).
    ///
    /// Method: substitute `x = ln(1 + r)`; NPV is scaled by the positive factor
    /// `exp(s*x)` (s = max t for x < 0, min t for x >= 0) so no term over/underflows
    /// anywhere in the domain without changing its sign. 4000 uniform grid steps in
    /// x over `[ln(1 + xirrLowerBound), ln(1 + xirrUpperBound)]` locate sign changes,
    /// each bracket is refined with Brent's method to ~1e-16 in x (machine precision). The grid's
    /// signs come from ``XIRRSignScan``'s certified stepping of the weights (the exact NPV only
    /// where a sign is in doubt and at a bracket's ends), which finds the same brackets.
    ///
    /// Multiple roots: non-conventional flows (several sign changes) may have several
    /// IRRs; this returns the root with the **smallest |r|**. Two roots closer together
    /// than one grid step (~0.6 % in log(1+r)) or a tangential double root may be missed.
    ///
    /// - Throws: `.insufficientData` (< 2 flows), `.nonFiniteInput(index:)` (amount),
    ///   `.noSignChange` (no strictly positive or no strictly negative amount),
    ///   `.noRoot(reason:)` (NPV has no sign change in the searched rate range).
    public static func xirr(_ flows: [CashFlow]) throws(StatisticsError) -> Double {
        guard flows.count >= 2 else { throw .insufficientData(needed: 2, got: flows.count) }
        for (i, f) in flows.enumerated() where !f.amount.isFinite { throw .nonFiniteInput(index: i) }
        guard flows.contains(where: { $0.amount > 0 }), flows.contains(where: { $0.amount < 0 }) else {
            throw .noSignChange
        }
        let amounts = flows.map(\.amount)
        let t = yearFractions(flows)
        let tMin = t.min()!, tMax = t.max()!

        func g(_ x: Double) -> Double { xirrScaledNPV(x, amounts: amounts, t: t, tMin: tMin, tMax: tMax) }
        let grid = xirrGridPoints
        let steps = grid.count - 1
        // Where the scan certifies a sign, the exact NPV has it and is not zero, so the scan
        // below finds the brackets (and zeros) an exact evaluation at every point would.
        let scan = XIRRSignScan(amounts: amounts, t: t, tMin: tMin, tMax: tMax, grid: grid)
        var exact = [Double?](repeating: nil, count: steps + 1)
        func value(_ k: Int) -> Double {
            if let v = exact[k] { return v }
            let v = g(grid[k])
            exact[k] = v
            return v
        }
        func sign(_ k: Int) -> Int8 {
            if scan.signs[k] != 0 { return scan.signs[k] }
            let v = value(k)
            return v == 0 ? 0 : (v < 0 ? -1 : 1)
        }
        var roots: [Double] = []
        var signPrev = sign(0)
        if signPrev == 0 { roots.append(grid[0]) }
        for k in 1...steps {
            let signX = sign(k)
            if signX == 0 {
                roots.append(grid[k])
            } else if signPrev != 0, signPrev != signX {
                guard
                    let root = RootFinding.brent(
                        g, lower: grid[k - 1], upper: grid[k], fLower: value(k - 1), fUpper: value(k))
                else {
                    throw .noRoot(reason: "Brent iteration did not converge in [\(expm1(grid[k - 1])), \(expm1(grid[k]))]")
                }
                roots.append(root)
            }
            signPrev = signX
        }
        guard let best = roots.map({ expm1($0) }).min(by: { abs($0) < abs($1) }) else {
            throw .noRoot(reason: "NPV does not change sign for rates in [\(xirrLowerBound), \(xirrUpperBound)]")
        }
        return best
    }
}
