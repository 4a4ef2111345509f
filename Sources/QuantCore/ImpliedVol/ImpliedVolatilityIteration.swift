/// Householder iterations of order 4 (Jäckel 2015, §5):
///   s ← s + ν·(1 + ½ν·h₂)/(1 + ν·(h₂ + ν·h₃/6)),  ν = -g/g', h₂ = g''/g', h₃ = g'''/g',
/// on an objective g chosen per branch so that it is close to linear in s:
/// - lowest branch: g = 1/ln b - 1/ln β (b is exponentially small there);
/// - highest branch (β > b_max/2): g = ln(b_max - β) - ln(b_max - b);
/// - middle branches: g = b - β.
/// With B₂ = b''/b' = x²/s³ - s/4 and B₃ = b'''/b' = B₂² - 3x²/s⁴ - ¼ (exact for the normalised
/// Black function), the h-terms follow by the chain rule.
extension NormalisedImpliedVolatility {
    /// After a fourth-order step of relative size δ the remaining error is O(δ⁴); below 1e-6 it
    /// is far below ε, so one more evaluation would only confirm convergence.
    static let convergedStep = 1e-6

    static func householder(
        beta: Double, x: Double, bMax: Double, start: Double, objective: Objective, bracket: (Double, Double)
    ) -> Solution {
        var s = start
        // The branch bounds s_l, s_c, s_u are themselves rounded, and the root may sit exactly on
        // one of them (β = b_c when s = √(2|x|)); widen them by far more than that rounding.
        var low = bracket.0 * (1 - 1e-10)
        var high = bracket.1 * (1 + 1e-10)
        var converged = false
        let logBeta = log(beta)
        let betaComplement = bMax - beta
        var iterations = 0
        while iterations < maximumIterations {
            iterations += 1
            let vega = vega(x: x, s: s)
            let b = NormalisedBlack.outOfTheMoneyCall(x: x, s: s, growth: bMax, scaledDensity: vega)
            if b > beta {
                high = min(high, s)
            } else if b < beta {
                low = max(low, s)
            } else {
                converged = true
                break
            }
            let b2 = x * x / (s * s * s) - 0.25 * s
            let b3 = b2 * b2 - 3 * x * x / (s * s * s * s) - 0.25
            var nu: Double
            var h2: Double
            var h3: Double
            switch objective {
            case .lower:
                guard b > 0, vega > 0, b < 1 else {
                    s = midpoint((low, high))
                    continue
                }
                let logB = log(b)
                let lambda = 1 / logB
                let q = vega / b
                nu = (logBeta - logB) * logB / logBeta * (b / vega)
                h2 = b2 - q * (1 + 2 * lambda)
                h3 = b3 + q * q * (2 + 6 * lambda * (1 + lambda)) - 3 * b2 * q * (1 + 2 * lambda)
            case .upper:
                let complement = NormalisedBlack.outOfTheMoneyCallComplement(x: x, s: s)
                guard complement > 0, vega > Double.leastNormalMagnitude else {
                    s = midpoint((low, high))
                    continue
                }
                let g = vega / complement
                nu = log(complement / betaComplement) / g
                h2 = b2 + g
                h3 = b3 + g * (2 * g + 3 * b2)
            case .plain:
                guard vega > 0 else {
                    s = midpoint((low, high))
                    continue
                }
                nu = (beta - b) / vega
                h2 = b2
                h3 = b3
            }
            let denominator = 1 + nu * (h2 + nu * h3 / 6)
            var step = nu * (1 + 0.5 * nu * h2) / denominator
            if !(denominator > 0) || !step.isFinite { step = nu }  // Newton when the correction breaks down
            step = max(-0.5 * s, step)
            let next = s + step
            if abs(step) <= convergedStep * s {
                s = next
                converged = true
                break
            }
            // An iterate outside the bracket (b is monotone in s) means the local model failed.
            s = next > low && next < high ? next : midpoint((low, high))
        }
        if !converged {
            // Safety net, never taken on the test grids: bisection on the monotone b(s) inside
            // the bracket the iterations established, to the last bit.
            while high - low > 2 * Double.ulpOfOne * high && iterations < 2100 {
                iterations += 1
                s = midpoint((low, high))
                let b = NormalisedBlack.outOfTheMoneyCall(x: x, s: s, growth: bMax, scaledDensity: vega(x: x, s: s))
                if b > beta { high = s } else if b < beta { low = s } else { break }
            }
        }
        return Solution(s: s, iterations: iterations)
    }
}
