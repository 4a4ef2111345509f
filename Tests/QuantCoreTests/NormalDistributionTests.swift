import Testing
@testable import QuantCore

@Suite struct NormalDistributionTests {
    /// Relative accuracy in the far lower tail, against 50-digit mpmath values. The bound
    /// 4e-13 is the conditioning of Φ at x = -37.5 under the rounding of x/√2 (|x|²·ε/2 ≈ 1.6e-13)
    /// with a factor 2.5 margin; subnormal references (x < -37.5) carry fewer bits and are skipped.
    @Test func cdfAndPdfKeepRelativePrecisionInTheTail() throws {
        let (header, rows) = try Fixtures.csv("ncdf_reference.csv")
        #expect(header == ["x", "cdf", "pdf"])
        var smallest = 1.0
        for row in rows {
            let x = Double(row[0])!
            let cdf = Double(row[1])!
            let pdf = Double(row[2])!
            if cdf >= Double.leastNormalMagnitude {
                let bound = max(4e-15, 4e-13 * (x * x) / (37.5 * 37.5))
                #expect(relativeError(NormalDistribution.cdf(x), cdf) <= bound, "cdf(\(x))")
                smallest = min(smallest, cdf)
            }
            if pdf >= Double.leastNormalMagnitude {
                let bound = max(4e-15, 4e-13 * (x * x) / (37.5 * 37.5))
                #expect(relativeError(NormalDistribution.pdf(x), pdf) <= bound, "pdf(\(x))")
            }
        }
        #expect(smallest < 1e-299)  // the fixture really reaches the 1e-300 region
    }

    @Test func quantileInvertsCdfAcrossTheRange() {
        for exponent in stride(from: -300.0, through: -1, by: 0.5) {
            let p = pow(10, exponent)
            let x = NormalDistribution.quantile(p)
            #expect(relativeError(NormalDistribution.cdf(x), p) <= 1e-13 * max(1, x * x), "p=\(p)")
            // Upper tail by symmetry: 1 - q is exact for q ≥ ½.
            let q = 1 - p
            #expect(relativeError(NormalDistribution.quantile(q), -NormalDistribution.quantile(1 - q)) <= 1e-14)
        }
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
        #expect(NormalDistribution.quantile(1.5).isNaN)
        #expect(abs(NormalDistribution.quantile(0.5)) <= 1e-16)
    }

    @Test func erfcxMatchesDefinitionWhereBothAreAccurate() {
        for x in stride(from: -5.0, through: 5.0, by: 0.125) {
            let direct = exp(x * x) * erfc(x)
            #expect(relativeError(erfcx(x), direct) <= 1e-14 * max(1, x * x))
        }
        // Asymptotic branch joins the direct branch continuously at x = 26.
        let below = erfcx(26.0)
        let above = erfcx(26.0.nextUp)
        #expect(relativeError(above, below) <= 1e-14)
        #expect(erfcx(-30) == .infinity)
    }
}
