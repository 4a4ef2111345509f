import QuantCore

extension SSVIVarianceSwap {
    /// One wing of the d₂ form, ∫₀^{edge} √w·φ(d₂)·(1 − k w'/(2w) + w'/4) dk, with k = sign·c·sinh(u)
    /// and the nodes taken four at a time.
    ///
    /// The quadrature is `wing`'s, node for node: the same nodes, weights, Jacobian and scale.
    /// The expressions are `integrand`'s; what differs:
    /// - e^{-span·u} and φ(d₂) come from QuantCore's lane functions. The exponential is within
    ///   about 1 ulp of glibc's. The density recovers the rounding of d₂², where `integrand`'s
    ///   plain exp(-d₂²/2) loses up to d₂²/2 ulp; that matters only at the far nodes, whose terms
    ///   are tiny.
    /// - The sum is kept in four partial sums, added at the end.
    ///
    /// So the result agrees with `wing` to a few ulp of the sum: tested within 4e-15, far inside
    /// the quadrature's own error of about 1e-12.
    ///
    /// Domain:
    /// - The sinh map uses e^{-span·u} with span·u ≥ 0, inside `LaneFunctions.exp`'s domain,
    ///   accurate down to -700. span = asinh(edge/c):
    ///   - while z·√θ < 1e6, `truncation`'s doubling stops by edge ≤ 2e6, and c = √θ ≥ 2e-162
    ///     for every positive θ, so span < 400;
    ///   - otherwise edge is at most z·√θ, so span ≤ asinh(z), below 700 for any z up to 1e300.
    /// - Where |d₂| > 37 the density is 0, against a true value below 2.1e-298.
    /// - The padding lanes of a node count that is not a multiple of four repeat the last real
    ///   node with weight 0, so they add exactly 0.
    static func laneWing(_ slice: SSVISlice, rule: GaussLegendre, scale c: Double, edge: Double, sign: Double) -> Double {
        let span = asinh(edge / c)
        let halfTheta = 0.5 * slice.theta
        let rho = slice.rho
        let phi = slice.phi
        let kScale = sign * c * 0.5
        @inline(__always)
        func term(_ u: Lanes, _ weight: Lanes) -> Lanes {
            let inverse = LaneFunctions.exp(-span * u)
            let e = 1 / inverse
            let k = kScale * (e - inverse)
            let (w, y, root) = laneTotalVariance(slice, k)
            let w1 = halfTheta * phi * (rho + y / root)
            let s = laneSquareRoot(w)
            let d2 = -k / s - 0.5 * s
            let integrand = s * LaneFunctions.normalDensity(d2) * (1 - 0.5 * k * w1 / w + 0.25 * w1)
            return weight * 0.5 * (e + inverse) * integrand
        }
        var sum = Lanes(repeating: 0)
        // Buffer pointers, not `zip`: its iterator was not inlined here and, with the array
        // retains it brought, cost about 5% of a first run's CPU.
        rule.laneNodes.withUnsafeBufferPointer { nodes in
            rule.laneWeights.withUnsafeBufferPointer { weights in
                for index in 0..<min(nodes.count, weights.count) {
                    sum += term(nodes[index], weights[index])
                }
            }
        }
        return span * c * sum.sum()
    }
}

extension SSVIVarianceSwap {
    /// `truncation`'s cuts, the same to the bit, with four evaluations of w at a time.
    ///
    /// Each lane's d₁ or d₂ is `SSVISlice.d1`/`d2`'s arithmetic (correctly rounded +, ×, ÷ and
    /// √, in the same order), so the comparisons come out as they do one at a time:
    /// - the doubling tries k, 2k, 4k and 8k together and stops at the first that `truncation`
    ///   would stop at;
    /// - the bisection takes two steps per round, evaluating the midpoint and both quarter
    ///   points and keeping the quarter point the first step leads to.
    static func laneTruncation(_ slice: SSVISlice, z: Double) -> (lower: Double, upper: Double) {
        let scale = startOfCuts(slice, z: z)
        let upper = laneCut(from: scale) { deviations(slice, $0).d1 .> -z }
        let lower = laneCut(from: -scale) { deviations(slice, $0).d2 .< z }
        return (lower, upper)
    }

    /// One side's cut: from `start`, doubling while `inside` holds and |k| < 1e6, then 8
    /// bisection steps between the last k inside (or 0) and the first outside, keeping the
    /// outer end. The midpoints are `truncation`'s expressions (its operands may be swapped:
    /// IEEE addition is commutative).
    @inline(__always)
    static func laneCut(from start: Double, inside: (Lanes) -> SIMDMask<SIMD4<Int64>>) -> Double {
        var inner = 0.0
        var outer = start
        doubling: while true {
            let ks = Lanes(outer, outer * 2, outer * 4, outer * 8)
            let continuing = inside(ks)
            for lane in 0..<4 where !(continuing[lane] && abs(ks[lane]) < 1e6) {
                if lane > 0 { inner = ks[lane - 1] }
                outer = ks[lane]
                break doubling
            }
            inner = ks[3]
            outer = ks[3] * 2
        }
        for _ in 0..<4 {
            let mid = 0.5 * (inner + outer)
            let nearInner = 0.5 * (inner + mid)
            let nearOuter = 0.5 * (mid + outer)
            let found = inside(Lanes(mid, nearInner, nearOuter, mid))
            if found[0] {
                inner = mid
                if found[2] { inner = nearOuter } else { outer = nearOuter }
            } else {
                outer = mid
                if found[1] { inner = nearInner } else { outer = nearInner }
            }
        }
        return outer
    }

    /// d₁ and d₂ at four log-moneynesses, as `SSVISlice.d1` and `d2` compute them.
    @inline(__always)
    static func deviations(_ slice: SSVISlice, _ k: Lanes) -> (d1: Lanes, d2: Lanes) {
        let s = laneSquareRoot(laneTotalVariance(slice, k).w)
        let ratio = -k / s
        return (ratio + 0.5 * s, ratio - 0.5 * s)
    }

    /// w(k) at four k, as `SSVISlice.totalVariance` computes it, with y = φk + ρ and
    /// √(y² + 1 − ρ²), which the slope w'(k) reuses.
    @inline(__always)
    static func laneTotalVariance(_ slice: SSVISlice, _ k: Lanes) -> (w: Lanes, y: Lanes, root: Lanes) {
        let y = slice.phi * k + slice.rho
        let root = laneSquareRoot(y * y + slice.oneMinusRhoSquared)
        return (0.5 * slice.theta * (1 + slice.rho * slice.phi * k + root), y, root)
    }
}
