import Foundation
import Testing
@testable import QuantCore

/// The public lane functions other modules call: against the C library's `exp` and the scalar
/// `NormalDistribution.pdf` (tested against mpmath elsewhere), and at the edges of their domains.
@Suite struct LaneFunctionsTests {
    /// e^a on [-700, 0]: within 2 ulp of glibc's `exp` (the lane form is within about 1 ulp of
    /// the true value, glibc within 1). Seeded draws cover the whole range and its small end,
    /// where the reduction's k is 0.
    @Test func expMatchesTheCLibrary() {
        let wide = LaneMathTests.groups(4_000, seed: 31) { -Double.random(in: 0...700, using: &$0) }
        let small = LaneMathTests.groups(1_000, seed: 32) { -Double.random(in: 0...1e-3, using: &$0) }
        for a in wide + small + [Lanes(0, -700, -1e-300, -0.5 * log(2.0))] {
            let got = LaneFunctions.exp(a)
            for lane in 0..<4 {
                let reference = exp(a[lane])
                #expect(abs(got[lane] - reference) <= 2 * reference.ulp, "e^\(a[lane])")
            }
        }
    }

    /// Below -700 the value is 0, within e^{-700} of the truth; NaN stays NaN; and each lane is
    /// computed alone, whatever its neighbours hold.
    @Test func expEdgesAndLaneIndependence() {
        let got = LaneFunctions.exp(Lanes(-700.000_001, -1e6, -.infinity, .nan))
        #expect(got[0].isZero && got[1].isZero && got[2].isZero)
        #expect(got[3].isNaN)
        let mixed = LaneFunctions.exp(Lanes(-1, .nan, -1e6, -2))
        #expect(mixed[0].bitPattern == LaneFunctions.exp(Lanes(repeating: -1))[0].bitPattern)
        #expect(mixed[3].bitPattern == LaneFunctions.exp(Lanes(repeating: -2))[3].bitPattern)
        #expect(mixed[1].isNaN && mixed[2].isZero)
    }

    /// φ(d) for |d| ≤ 37: within 6e-16 relative of `NormalDistribution.pdf`, as `LaneMath`'s
    /// density is (the same code); beyond 37 and at ±∞, 0 (below φ(37) ≈ 2.1e-298); NaN stays NaN.
    @Test func normalDensityMatchesTheScalarDensityAndEdges() {
        for d in LaneMathTests.groups(4_000, seed: 33, { Double.random(in: -37...37, using: &$0) }) {
            let got = LaneFunctions.normalDensity(d)
            for lane in 0..<4 {
                let reference = NormalDistribution.pdf(d[lane])
                #expect(abs(got[lane] / reference - 1) <= 6e-16, "φ(\(d[lane]))")
            }
        }
        let edge = LaneFunctions.normalDensity(Lanes(37, -37, 37.000_001, -.infinity))
        #expect(abs(edge[0] / NormalDistribution.pdf(37) - 1) <= 6e-16 && edge[0].bitPattern == edge[1].bitPattern)
        #expect(edge[2].isZero && edge[3].isZero)
        let mixed = LaneFunctions.normalDensity(Lanes(0.5, .nan, .infinity, 1e300))
        #expect(abs(mixed[0] / NormalDistribution.pdf(0.5) - 1) <= 6e-16)
        #expect(mixed[1].isNaN && mixed[2].isZero && mixed[3].isZero)
    }
}
