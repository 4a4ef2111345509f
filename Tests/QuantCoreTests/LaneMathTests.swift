import Foundation
import PropertyBased
import Testing
@testable import QuantCore

/// The chain-slice kernel's lane-wise functions against independent references: the C library's
/// `log`, the scalar `logRatio` and `NormalDistribution.pdf` (each tested against mpmath
/// elsewhere), and the 40-digit mpmath Mills ratios. Each lane is checked, four inputs at a time.
@Suite struct LaneMathTests {
    static let epsilon = Double.ulpOfOne

    /// `count` groups of four seeded draws of `draw` (house rule: seeded randomness only).
    static func groups(_ count: Int, seed: UInt64, _ draw: (inout Xoshiro) -> Double) -> [Lanes] {
        var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, seed &* 31, 0xD1B5_4A32_D192_ED03))
        return (0..<count).map { _ in Lanes(draw(&rng), draw(&rng), draw(&rng), draw(&rng)) }
    }

    /// ln v over the whole normal range and near 1 (where ln v is small and the bound is
    /// relative): within 3 ulp of glibc's `log` (the lane form is within about 2 ulp of the true
    /// value, glibc within 1).
    @Test func logMatchesTheCLibrary() throws {
        let wide = Self.groups(2_000, seed: 21) { exp2(Double.random(in: -1021..<1023, using: &$0)) }
        let nearOne = Self.groups(2_000, seed: 22) { 1 + Double.random(in: -0.5..<0.5, using: &$0) }
        for v in wide + nearOne {
            let got = LaneMath.log(v)
            for lane in 0..<4 {
                let reference = log(v[lane])
                #expect(abs(got[lane] - reference) <= 3 * reference.ulp, "ln \(v[lane])")
            }
        }
        let exact = LaneMath.log(Lanes(1, 2, 0.5, .leastNormalMagnitude))
        #expect(exact[0].isZero)
        #expect(abs(exact[1] - log(2.0)) <= log(2.0).ulp && abs(exact[2] + log(2.0)) <= log(2.0).ulp)
        #expect(abs(exact[3] - log(Double.leastNormalMagnitude)) <= 3 * log(Double.leastNormalMagnitude).ulp)
    }

    /// ln(a/b) with the quotient's rounding recovered, as the scalar `logRatio` does: within 3
    /// ulp of it (both are a few ulp of the true value), including b within an ulp of a, where
    /// ln(fl(a/b)) alone is wrong in its first digit.
    @Test func logRatioMatchesTheScalarForm() throws {
        let ratios = Self.groups(2_000, seed: 23) { exp(Double.random(in: -30..<30, using: &$0)) }
        let close = Self.groups(2_000, seed: 24) { 1 + Double(Int.random(in: -64...64, using: &$0)) * Double.ulpOfOne }
        let a = 2_712.35
        for factor in ratios + close {
            let b = a * factor
            let got = LaneMath.logRatio(a, b, quotient: Lanes(repeating: a) / b)
            for lane in 0..<4 {
                let reference = logRatio(a, b[lane])
                #expect(abs(got[lane] - reference) <= 3 * max(reference.ulp, Double.leastNonzeroMagnitude), "ln(\(a)/\(b[lane]))")
            }
        }
    }

    /// φ(d) with d²'s rounding recovered: within 6e-16 relative of `NormalDistribution.pdf`
    /// (the same correction, glibc's `exp`) up to |d| = 37, where φ is 1e-298: each is within
    /// about 2 ulp of the true value; measured 4.4e-16.
    @Test func densityMatchesTheScalarDensity() throws {
        for d in Self.groups(4_000, seed: 25, { Double.random(in: -37...37, using: &$0) }) {
            let got = LaneMath.normalDensity(d)
            for lane in 0..<4 {
                #expect(relativeError(got[lane], NormalDistribution.pdf(d[lane])) <= 6e-16, "φ(\(d[lane]))")
            }
        }
        // Exactly representable reference: φ(0) = 1/√(2π).
        #expect(relativeError(LaneMath.normalDensity(Lanes())[2], 0.398_942_280_401_432_677_94) <= 2e-16)
    }

    /// The Mills ratio lane by lane against the mpmath fixture (d ≤ 38, the table's range), with
    /// the scalar test's bound: 6e-16 (the table's 3.9e-16 and the fixture's rounding); and
    /// against the scalar table at every row boundary, where a lane may take either row.
    @Test func millsRatioMatchesMpmath() throws {
        let rows = try Fixtures.csv("mills_ratio_reference.csv").rows
            .map { (Double($0[0])!, Double($0[1])!) }
            .filter { $0.0 <= 38 }
        #expect(rows.count > 1_500)
        var worst = 0.0
        for start in stride(from: 0, to: rows.count - 3, by: 4) {
            let group = rows[start..<start + 4]
            let got = LaneMath.upperMillsRatio(Lanes(group.map(\.0)))
            for (lane, row) in group.enumerated() {
                let error = relativeError(got[lane], row.1)
                worst = max(worst, error)
                #expect(error <= 6e-16, "R(\(row.0))")
            }
        }
        #expect(worst > 0)
        // Every row boundary, d = 0 (y = 1, the last row) included; padded to whole groups.
        let boundaries = (8...64).map { 384 / Double($0) - 6 } + [0, 0, 0]
        for start in stride(from: 0, to: boundaries.count - 3, by: 4) {
            let d = Lanes(boundaries[start..<start + 4])
            let got = LaneMath.upperMillsRatio(d)
            for lane in 0..<4 {
                #expect(relativeError(got[lane], NormalDistribution.upperMillsRatio(d[lane])) <= 6e-16, "R(\(d[lane]))")
            }
        }
    }

    /// The padded table: rows 8...63 are the scalar table's, row 64 repeats row 63, the rest
    /// row 8; lanes outside the table's range (d > 38, ∞, NaN) read inside it: finite or NaN,
    /// never a trap or an out-of-bounds read.
    @Test func paddedTableKeepsEveryLaneInside() {
        let width = millsRatioTableRowLength
        #expect(laneMillsRatioTable.count == 128 * width)
        func row(_ table: [Double], _ index: Int) -> [UInt64] {
            table[index * width..<(index + 1) * width].map(\.bitPattern)
        }
        for index in 0..<128 {
            let source = min(max(index, millsRatioTableFirstInterval), 63) - millsRatioTableFirstInterval
            #expect(row(laneMillsRatioTable, index) == row(millsRatioTable, source), "row \(index)")
        }
        let outside = LaneMath.upperMillsRatio(Lanes(40, 1e300, .infinity, .nan))
        #expect(outside[0].isFinite && outside[1].isFinite)
        #expect(!outside[2].isInfinite && !outside[3].isInfinite)
    }
}
