import Foundation
import PropertyBased
import QuantCore
import Testing
@testable import VolModels

/// The variance-swap quadrature summed four nodes at a time (`laneWing`) against the same
/// quadrature summed node by node with the C library's `exp` (`wing` with the scalar d₂-form
/// integrand): the same nodes, so only rounding separates them.
@Suite struct SSVIVarianceSwapLanesTests {
    /// Seeded slices: θ from 1e-6 to 3.2, |ρ| up to 0.95, η from 1% to 99.9% of its
    /// no-arbitrage bound, γ from 0.05 to ½ (its valid range is (0, ½]).
    static func slices(_ count: Int, seed: UInt64) throws -> [SSVISlice] {
        var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, seed &* 31, 0xD1B5_4A32_D192_ED03))
        return try (0..<count).map { _ in
            let theta = pow(10, Double.random(in: -6...0.5, using: &rng))
            let rho = Double.random(in: -0.95...0.95, using: &rng)
            let bound = 2 / (1 + abs(rho)).squareRoot()
            let eta = bound * Double.random(in: 0.01...0.999, using: &rng)
            let gamma = Double.random(in: 0.05...0.5, using: &rng)
            return try SSVISlice(theta: theta, rho: rho, eta: eta, gamma: gamma)
        }
    }

    /// Each wing, for node counts that fill the last group of four and counts that pad it:
    /// within 4e-15 relative. Measured: 1.1e-15 here, 1.6e-15 over 3,000 draws in a review's
    /// emulation. Every term is positive, so the sum is as accurate as its terms, a few ulp.
    @Test func laneWingMatchesTheScalarWing() throws {
        var worst = 0.0
        // θ so small that 1/θ overflows: w1/w must stay a division.
        let tiny = try [1e-308, 3e-309, 1e-310].map { try SSVISlice(theta: $0, rho: -0.7, eta: 1.1, gamma: 0.5) }
        for slice in try Self.slices(300, seed: 41) + tiny {
            let (lower, upper) = SSVIVarianceSwap.truncation(slice, z: SSVIVarianceSwap.defaultTailDeviation)
            let c = slice.theta.squareRoot()
            for count in [2, 3, 5, 8, 13, 32, 33] {
                let rule = SSVIVarianceSwap.rule(count)
                for (edge, sign) in [(-lower, -1.0), (upper, 1.0)] {
                    let lanes = SSVIVarianceSwap.laneWing(slice, rule: rule, scale: c, edge: edge, sign: sign)
                    let scalar = SSVIVarianceSwap.wing(slice, rule: rule, scale: c, edge: edge, sign: sign, SSVIVarianceSwap.integrand)
                    let error = abs(lanes / scalar - 1)
                    worst = max(worst, error)
                    #expect(scalar > 0 && error <= 4e-15, "θ \(slice.theta) ρ \(slice.rho) η \(slice.eta) n \(count) sign \(sign)")
                }
            }
        }
        #expect(worst > 0)  // the two sums do round differently: the test compares two computations
    }

    /// The lane groups of a rule hold its nodes and weights in order, and the padding of a short
    /// last group has weight 0 exactly.
    @Test func laneGroupsHoldTheRuleAndZeroPadding() {
        for count in [2, 3, 4, 5, 7, 32, 33] {
            let rule = SSVIVarianceSwap.rule(count)
            #expect(rule.laneNodes.count == (count + 3) / 4 && rule.laneWeights.count == rule.laneNodes.count)
            for index in 0..<rule.laneNodes.count * 4 {
                let node = rule.laneNodes[index / 4][index % 4]
                let weight = rule.laneWeights[index / 4][index % 4]
                if index < count {
                    #expect(node.bitPattern == rule.nodes[index].bitPattern && weight.bitPattern == rule.weights[index].bitPattern)
                } else {
                    #expect(weight.bitPattern == 0 && node.bitPattern == rule.nodes[count - 1].bitPattern)
                }
            }
        }
    }
}

extension SSVIVarianceSwapLanesTests {
    /// The cuts found four evaluations at a time are `truncation`'s to the bit, for seeded slices
    /// and cut depths from 0.5 to 1,000 standard deviations (the deepest reach the ±1e6 stop), and
    /// the degenerate depths 0, -1 and NaN, which must end: from a start of 0 the doubling never
    /// moved, before the start was kept positive.
    @Test func laneTruncationIsTheScalarTruncation() throws {
        var stopped = 0
        // Steep wings, near the no-arbitrage bound: with a cut 1,000 deviations deep the doubling
        // runs to the ±1e6 stop.
        let steep = try [0.9, -0.9].map { rho in
            try SSVISlice(theta: 3, rho: rho, eta: 0.999 * 2 / (1 + abs(rho)).squareRoot(), gamma: 0.5)
        }
        for (index, slice) in try (Self.slices(400, seed: 42) + steep).enumerated() {
            for z in [0.5, 3, 8.5, 13, 40, 1_000, 0, -1, .nan] {
                let lanes = SSVIVarianceSwap.laneTruncation(slice, z: z)
                let scalar = SSVIVarianceSwap.truncation(slice, z: z)
                #expect(lanes.lower.bitPattern == scalar.lower.bitPattern && lanes.upper.bitPattern == scalar.upper.bitPattern,
                        "slice \(index) θ \(slice.theta) ρ \(slice.rho) η \(slice.eta) z \(z)")
                if scalar.upper >= 1e6 || scalar.lower <= -1e6 { stopped += 1 }
            }
        }
        #expect(stopped > 0)  // the ±1e6 stop is among the cases compared
    }
}

extension SSVIVarianceSwapLanesTests {
    /// The public quadrature refuses what is no rule or no cut, naming the parameter, and with
    /// the default parameters spelled out it is the default form to the bit.
    @Test func quadratureParametersAreChecked() throws {
        let slice = try SSVISlice(theta: 0.04, rho: -0.7, eta: 1, gamma: 0.5)
        for depth in [0, -1, -1e-300] {
            let error = #expect(throws: SSVIError.self) { try slice.varianceSwapTotalVariance(nodesPerWing: 32, tailDeviation: depth) }
            guard case .outOfRange("tailDeviation", let value, _) = error else {
                Issue.record("depth \(depth): \(String(describing: error))")
                continue
            }
            #expect(value.bitPattern == depth.bitPattern)
        }
        for depth in [Double.nan, .infinity, -.infinity] {
            let error = #expect(throws: SSVIError.self) {
                try slice.varianceSwapTotalVarianceByReplication(nodesPerWing: 32, tailDeviation: depth)
            }
            guard case .notFinite("tailDeviation") = error else {
                Issue.record("depth \(depth): \(String(describing: error))")
                continue
            }
        }
        let error = #expect(throws: SSVIError.self) { try slice.varianceSwapTotalVariance(nodesPerWing: 1) }
        guard case .outOfRange("nodesPerWing", _, _) = error else {
            Issue.record("nodesPerWing 1: \(String(describing: error))")
            return
        }
        let spelled = try slice.varianceSwapTotalVariance(
            nodesPerWing: SSVIVarianceSwap.defaultNodesPerWing, tailDeviation: SSVIVarianceSwap.defaultTailDeviation)
        #expect(spelled.bitPattern == slice.varianceSwapTotalVariance().bitPattern)
    }
}
