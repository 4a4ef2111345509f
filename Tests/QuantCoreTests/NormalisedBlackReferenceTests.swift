import Testing
@testable import QuantCore

/// The normalised Black function b(x, s) of an out-of-the-money call against 50-digit mpmath
/// values (Tools/fixtures/make_normalised_black_fixture.py), 400 rows in each region where the
/// evaluation changes method: the Taylor series on the forward Mills-ratio recurrence
/// (-4.5 < h ≤ 0), on Miller's backward recurrence (-38 ≤ h ≤ -4.5), and the general case.
///
/// Tolerance: rounding h = x/s alone moves b by about h²·ε relative (b falls like e^{-h²/2}),
/// so each row must be within 32·ε·(1 + h²), and every row within 1e-12.
@Suite struct NormalisedBlackReferenceTests {
    @Test func outOfTheMoneyCallMatchesMpmath() throws {
        let (header, rows) = try Fixtures.csv("normalised_black_reference.csv")
        #expect(header == ["region", "x", "s", "b"])
        var worst: [String: Double] = [:]
        var counts: [String: Int] = [:]
        for row in rows {
            let x = try #require(Double(row[1]))
            let s = try #require(Double(row[2]))
            let reference = try #require(Double(row[3]))
            let got = NormalisedBlack.outOfTheMoneyCall(x: x, s: s)
            let h = x / s
            let error = relativeError(got, reference)
            #expect(error <= 32 * Double.ulpOfOne * (1 + h * h), "\(row.joined(separator: ",")) got \(got)")
            #expect(error <= 1e-12, "\(row.joined(separator: ",")) got \(got)")
            worst[row[0]] = max(worst[row[0], default: 0], error)
            counts[row[0], default: 0] += 1
        }
        #expect(counts == ["forward": 400, "backward": 400, "general": 400])
        print("normalised Black worst relative error by region: \(worst.sorted { $0.key < $1.key })")
    }

    /// The series regions must be reached: in each, the two terms cancel by more than 4 bits
    /// for most rows (otherwise the test would only exercise the direct difference).
    @Test func seriesRegionsReallyCancel() throws {
        let (_, rows) = try Fixtures.csv("normalised_black_reference.csv")
        for region in ["forward", "backward"] {
            let cancelling = rows.filter { $0[0] == region }.filter { row in
                guard let x = Double(row[1]), let s = Double(row[2]) else { return false }
                let first = exp(0.5 * x) * NormalDistribution.cdf(x / s + 0.5 * s)
                let second = exp(-0.5 * x) * NormalDistribution.cdf(x / s - 0.5 * s)
                return second > NormalisedBlack.acceptedCancellation * first
            }
            #expect(cancelling.count >= 200, "\(region): \(cancelling.count) rows in the series")
        }
    }
}
