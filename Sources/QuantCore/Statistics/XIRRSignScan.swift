#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The signs of XIRR's scaled NPV on its search grid, certified without an `exp` per flow and
/// grid point, so that ``PortfolioStatistics/xirr(_:)`` evaluates its exact NPV only where the
/// sign is in doubt and at the brackets it refines. The brackets, and so the root, are the same
/// to the bit as a scan that evaluates the exact NPV at every point.
///
/// The exact NPV at grid point `x` is `g(x) = Σ aᵢ·exp(-(tᵢ - s)·x)` (s = tMax for x < 0, tMin
/// otherwise), each term from `exp` (under 1 ulp) and summed with Neumaier's compensation. Here
/// every block of ``blockLength`` points on one side of zero starts from `exp` at its first
/// point `x₀` and steps each weight by `rᵢ = exp(-(tᵢ - s)·Δ)`, Δ the grid step, a plain sum
/// accumulating `Σ aᵢwᵢ` and `Σ |aᵢ|wᵢ`. The error of a term relative to the exact one is at
/// most (3j + 2)·u ≤ 4(j + 2)·u at its j-th step (u = 2⁻⁵³: 1 ulp ≤ 2u for each `exp`, u per
/// product), 3u more for the exact term's own `exp` and product, plus `|tᵢ - s|·δ` where δ
/// bounds the argument errors: the rounding of `rate·x` and `rate·Δ` and how far the grid's own
/// rounded points lie from `x₀ + jΔ` (a few ulp of the largest |x|, taken as 16u·|x|max); the
/// plain sum adds (n + 2)·u of `Σ |aᵢ|wᵢ`, Neumaier's sum 2u of it; weights are ≤ 1 (the scaling's purpose), so a weight that underflows at a block's
/// start is off by at most 2⁻¹⁰²² times the block's growth. A point's sign is certain when
/// `|Σ aᵢwᵢ|` exceeds 16 times the sum of these bounds (``relativeBound(…)``); otherwise it is
/// reported as uncertain and the caller evaluates the exact NPV there.
///
/// Flows spanning more than ``maximumSpanYears`` get no certificates (every point uncertain):
/// the argument error and the underflow growth bound scale with the span.
struct XIRRSignScan {
    static let blockLength = 128
    static let maximumSpanYears = 400.0

    /// Per grid point: +1 or -1 when the sign of the exact NPV is certain, 0 when it is not.
    let signs: [Int8]

    init(amounts: [Double], t: [Double], tMin: Double, tMax: Double, grid: [Double]) {
        let n = amounts.count
        let span = tMax - tMin
        let u = Double.ulpOfOne / 2
        guard let first = grid.first, let last = grid.last, grid.count >= 2, span.isFinite,
            span <= Self.maximumSpanYears
        else {
            signs = Array(repeating: 0, count: grid.count)
            return
        }
        let step = (last - first) / Double(grid.count - 1)
        let xMagnitude = max(abs(first), abs(last))
        // The grid's points carry at most four roundings of magnitudes up to |x|max, and the
        // stepped arguments x₀ + jΔ as many more: 16u·|x|max covers both.
        let argumentError = 16 * u * xMagnitude
        let relative =
            16
            * (4 * Double(Self.blockLength + 2) * u + 5 * u + span * argumentError
                + Double(n + 2) * u)
        let growth = exp(span * step * Double(Self.blockLength))
        let maxAmount = amounts.reduce(0) { max($0, abs($1)) }
        // Products that round to a subnormal are off by up to 2⁻¹⁰⁷⁵ whatever the amounts (in
        // the scan and in the exact NPV alike), hence the second term.
        let absolute = 16 * Double(n) * maxAmount * growth * Double.leastNormalMagnitude + 32 * Double(n) * Double.leastNonzeroMagnitude
        // Near the top of the range the exact sum may overflow where the scan does not: no
        // certificates there.
        guard relative < 1e-6, absolute.isFinite, Double(n) * maxAmount < Double.greatestFiniteMagnitude / 4 else {
            signs = Array(repeating: 0, count: grid.count)
            return
        }

        var out = [Int8](repeating: 0, count: grid.count)
        var weights = [Double](repeating: 0, count: n)
        var ratios = [Double](repeating: 0, count: n)
        var k = 0
        while k < grid.count {
            let negative = grid[k] < 0
            let s = negative ? tMax : tMin
            for i in 0..<n {
                let rate = -(t[i] - s)
                weights[i] = exp(rate * grid[k])
                ratios[i] = exp(rate * step)
            }
            var j = 0
            while j < Self.blockLength, k < grid.count, (grid[k] < 0) == negative {
                if j > 0 { for i in 0..<n { weights[i] *= ratios[i] } }
                var value = 0.0
                var magnitude = 0.0
                for i in 0..<n {
                    let term = amounts[i] * weights[i]
                    value += term
                    magnitude += abs(term)
                }
                let bound = relative * magnitude + absolute
                if abs(value) > bound { out[k] = value < 0 ? -1 : 1 }
                j += 1
                k += 1
            }
        }
        signs = out
    }
}
