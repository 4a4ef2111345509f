import Testing
@testable import QuantCore

@Suite struct NormalDistributionTests {
    /// Relative accuracy in the far lower tail, against 50-digit mpmath values. Φ(-|x|) is
    /// φ(x)·R(|x|): the density with x² split exactly (its exponent is exact, so a few ulp at any
    /// x) times the tabulated Mills ratio (3.9e-16): 2e-15 (9ε) everywhere, where the earlier
    /// erfc(x/√2) lost |x|²·ε/2 to the rounding of x/√2 (1.6e-13 at x = -37.5); subnormal
    /// references (x < -37.5) carry fewer bits and are skipped.
    @Test func cdfAndPdfKeepRelativePrecisionInTheTail() throws {
        let (header, rows) = try Fixtures.csv("ncdf_reference.csv")
        #expect(header == ["x", "cdf", "pdf"])
        var smallest = 1.0
        for row in rows {
            let x = Double(row[0])!
            let cdf = Double(row[1])!
            let pdf = Double(row[2])!
            if cdf >= Double.leastNormalMagnitude {
                #expect(relativeError(NormalDistribution.cdf(x), cdf) <= 2e-15, "cdf(\(x))")
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
        #expect(erfcx(-30) == .infinity)
        #expect(erfcx(.infinity) == 0)
        #expect(erfcx(.nan).isNaN)
    }

    /// The upper-tail Mills ratio R(d) = (1 - Φ(d))/φ(d) against 40-digit mpmath values
    /// (`mills_ratio_reference.csv`: a grid of 1/16 and seeded random points over [0, 45], both
    /// sides of the table's end at 38). The bound 6e-16 is the table's worst error in double
    /// arithmetic (3.9e-16, measured by the generator on 20,000 points) plus the fixture's own
    /// rounding to a double (1.1e-16), with a small margin.
    @Test func upperMillsRatioMatchesMpmath() throws {
        let (header, rows) = try Fixtures.csv("mills_ratio_reference.csv")
        #expect(header == ["d", "mills"])
        #expect(rows.count > 2_000)
        var worst = 0.0
        var beyondTable = 0
        for row in rows {
            let d = Double(row[0])!
            let expected = Double(row[1])!
            let error = relativeError(NormalDistribution.upperMillsRatio(d), expected)
            #expect(error <= 6e-16, "R(\(d))")
            worst = max(worst, error)
            if d > 38 { beyondTable += 1 }
        }
        #expect(beyondTable > 100)  // the asymptotic branch is really exercised
        #expect(worst > 0)  // the comparison is not vacuous (the table is not exact everywhere)
    }

    /// Neighbouring rows of the table agree where they meet: at every row boundary y = i/64
    /// (d = 384/i - 6) both polynomials, evaluated at the same d (each is fitted 1% beyond its
    /// interval), give the same value to the table's accuracy; and the table meets the
    /// asymptotic series at d = 38. Below zero R continues through erfcx (R(d) → ∞ as d → -∞).
    @Test func upperMillsRatioIsContinuousAcrossItsPieces() {
        for i in 9...63 {
            let boundary = 384 / Double(i) - 6
            let y = 6 / (6 + boundary)
            let below = NormalDistribution.tabulatedUpperMillsRatio(boundary, y: y, row: i - 8)  // rows hold y ≥ i/64
            let above = NormalDistribution.tabulatedUpperMillsRatio(boundary, y: y, row: i - 9)
            #expect(relativeError(below, above) <= 8e-16, "boundary \(i)")
        }
        let table = NormalDistribution.upperMillsRatio(38)
        let series = NormalDistribution.upperMillsRatio(38.0.nextUp)
        #expect(relativeError(series, table) <= 6e-16)
        #expect(NormalDistribution.upperMillsRatio(.infinity).isZero)
        #expect(NormalDistribution.upperMillsRatio(.nan).isNaN)
        #expect(abs(NormalDistribution.upperMillsRatio(0) - 1.253_314_137_315_500_251_2) <= 2.3e-16)  // √(π/2)
        // d < 0 (the lower-tail ratio m(|d|)): m(1) = Φ(1)/φ(1) = 3.4737..., then ∞ beyond range.
        #expect(relativeError(NormalDistribution.upperMillsRatio(-1), 0.841_344_746_068_542_9 / 0.241_970_724_519_143_37) <= 1e-14)
        #expect(NormalDistribution.upperMillsRatio(-40).isInfinite && NormalDistribution.upperMillsRatio(-40) > 0)
        #expect(NormalDistribution.upperMillsRatio(-.infinity).isInfinite && NormalDistribution.upperMillsRatio(-.infinity) > 0)
    }

    /// Φ's lower tail from a density the caller holds: with the density taken from the 50-digit
    /// fixture (not from `pdf`), `lowerTail` is that density times R and matches the fixture's
    /// Φ(-|x|) to the table's accuracy plus the product's rounding.
    @Test func lowerTailFromAGivenDensityMatchesMpmath() throws {
        let (_, rows) = try Fixtures.csv("ncdf_reference.csv")
        var checked = 0
        for row in rows {
            let x = Double(row[0])!
            let cdf = Double(row[1])!
            let pdf = Double(row[2])!
            guard x <= 0, cdf >= Double.leastNormalMagnitude, pdf >= Double.leastNormalMagnitude else { continue }
            #expect(relativeError(NormalDistribution.lowerTail(x, density: pdf), cdf) <= 1e-15, "x=\(x)")
            checked += 1
        }
        #expect(checked > 100)
        #expect(abs(NormalDistribution.cdf(0) - 0.5) <= 1e-16)
        #expect(NormalDistribution.cdf(-.infinity).isZero)
        #expect(NormalDistribution.cdf(.infinity).bitPattern == (1.0).bitPattern)
        #expect(NormalDistribution.cdf(.nan).isNaN)
    }
}
