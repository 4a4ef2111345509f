import Foundation
import QuantCore
import Testing
@testable import VolModels

// Tests for the Cboe VIX index calculation (Sources/VolModels/CboeIndex).
//
// Reference documents (the worked example is the same hypothetical SPX chain in both; only T and R differ):
// [WP19] Cboe, "Cboe Volatility Index (VIX) White Paper", (c) 2019, https://cdn.cboe.com/resources/vix/vixwhite.pdf
//        (near 35,924 min, next 46,394 min, R1 = 0.0305 %, R2 = 0.0286 %; VIX 13.69).
// [METH] Cboe Global Indices, "Volatility Index Methodology: Cboe Volatility Index", worked example
//        (hypothetical 2022-09-27 10:45:15 ET; near 34,484 min, next 44,954 min, R1 = 0.031664 %,
//        R2 = 0.028797 %; VIX 13.93),
//        https://cdn.cboe.com/api/global/us_indices/governance/Volatility_Index_Methodology_Cboe_Volatility_Index.pdf
// Tolerances on printed numbers are half a unit in the last printed digit (the paper's own rounding).

private func q(_ k: Double, _ cb: Double, _ ca: Double, _ pb: Double, _ pa: Double) -> OptionStripQuote {
    OptionStripQuote(strike: k, callBid: cb, callAsk: ca, putBid: pb, putAsk: pa)
}

/// |x - y| <= tol.
private func close(_ x: Double, _ y: Double, _ tol: Double) -> Bool { abs(x - y) <= tol }

// MARK: - The published worked example

@Suite("Cboe VIX: published worked example")
struct CboeVIXWorkedExampleTests {
    /// [METH] inputs: minutes and rates as printed.
    static func methodologyTerms() throws -> (near: CboeVarianceTerm, next: CboeVarianceTerm) {
        let near = try CboeVIX.termVariance(strip: CboeVIXAppendix.nearTerm, minutesToSettlement: 34_484, rate: 0.00031664)
        let next = try CboeVIX.termVariance(strip: CboeVIXAppendix.nextTerm, minutesToSettlement: 44_954, rate: 0.00028797)
        return (near, next)
    }

    @Test("[METH] forward, K0 and strip boundaries")
    func forwardAndK0() throws {
        let (near, next) = try Self.methodologyTerms()
        #expect(close(near.years, 0.0656088, 5e-8))
        #expect(close(next.years, 0.0855289, 5e-8))
        // "the difference between the call and put prices is smallest at the 1965 strike for the
        // near- and the 1960 strike for the next-term options"
        #expect(near.parityStrike == 1965)
        #expect(next.parityStrike == 1960)
        #expect(close(near.forward, 1962.89996, 5e-6))
        #expect(close(next.forward, 1962.40006, 5e-6))
        #expect(near.atTheMoneyStrike == 1960)
        #expect(next.atTheMoneyStrike == 1960)
        // Q(K0) = average of the put and call mids: (24.25 + 21.30)/2 = 22.775 and (27.30 + 24.90)/2 = 26.10.
        #expect(close(near.contribution(at: 1960)!.price, 22.775, 1e-12))
        #expect(close(next.contribution(at: 1960)!.price, 26.10, 1e-12))
        #expect(near.contribution(at: 1960)!.kind == .putCallAverage)
        // Strip ends after the two-zero-bid rule: near 1370 put .. 2125 call, next 1275 put .. 2200 call;
        // 146 and 122 strikes as in the per-strike tables.
        #expect(near.strikes.first!.strike == 1370 && near.strikes.last!.strike == 2125)
        #expect(next.strikes.first!.strike == 1275 && next.strikes.last!.strike == 2200)
        #expect(near.strikes.count == 146)
        #expect(next.strikes.count == 122)
        #expect(near.strikes.map(\.strike) == near.strikes.map(\.strike).sorted())
    }

    @Test("[METH] exclusions: zero bids, and bids beyond two consecutive zero bids")
    func exclusions() throws {
        let (near, next) = try Self.methodologyTerms()
        // "Note that the 1350 and 1355 put options are not included despite having non-zero bid prices."
        // (1365 and 1360 have zero bids: the walk stops there.)
        for strike in [1345.0, 1350, 1355, 1360, 1365] { #expect(near.contribution(at: strike) == nil) }
        // "Note that the 2225 call option is not included despite having a non-zero bid price."
        for strike in [2150.0, 2175, 2200, 2225] { #expect(near.contribution(at: strike) == nil) }
        // Lone zero bids inside the strip are skipped without stopping the walk.
        for strike in [1405.0, 1415, 2120] { #expect(near.contribution(at: strike) == nil) }
        #expect(next.contribution(at: 1300) == nil)
        // ...and they widen the neighbours' ΔK, which use the included strikes only.
        #expect(near.contribution(at: 1400)!.deltaK == 7.5)   // (1410 - 1395)/2
        #expect(near.contribution(at: 1410)!.deltaK == 10)    // (1420 - 1400)/2
        #expect(near.contribution(at: 2100)!.deltaK == 15)    // (2125 - 2095)/2
        #expect(near.contribution(at: 2125)!.deltaK == 25)    // one-sided: 2125 - 2100
        // "the ΔK for the next-term 1325 Put is 37.5: ΔK = (1350 - 1275)/2"
        #expect(next.contribution(at: 1325)!.deltaK == 37.5)
        #expect(next.contribution(at: 1275)!.deltaK == 50)    // one-sided: 1325 - 1275
    }

    @Test("[METH] contribution of the near-term 1370 put")
    func singleStrikeContribution() throws {
        let (near, _) = try Self.methodologyTerms()
        let put1370 = try #require(near.contribution(at: 1370))
        // "ΔK1370 Put = 5 (i.e., 1375 - 1370)"; Q = (0.05 + 0.35)/2 = 0.20;
        // contribution = 5/1370² × e^{0.000317 × 0.0656088} × 0.20 = 0.0000005328.
        #expect(put1370.kind == .put)
        #expect(put1370.deltaK == 5)
        #expect(close(put1370.price, 0.20, 1e-15))
        #expect(close(put1370.contribution, 0.0000005328, 5e-11))
    }

    @Test("[METH] partial sums, σ² per term and the index")
    func sumsVariancesAndIndex() throws {
        let (near, next) = try Self.methodologyTerms()
        // Σ ΔK/K² e^{RT} Q(K), printed to 10 decimals.
        #expect(close(near.contributionSum, 0.0006320516, 5e-11))
        #expect(close(next.contributionSum, 0.0008314016, 5e-11))
        // (2/T) Σ, printed to 6 decimals.
        #expect(close(near.scaledSum, 0.019267, 5e-7))
        #expect(close(next.scaledSum, 0.019441, 5e-7))
        // (1/T)(F/K0 - 1)², printed to 8 decimals.
        #expect(close(near.forwardAdjustment, 0.00003337, 5e-9))
        #expect(close(next.forwardAdjustment, 0.00001753, 5e-9))
        // σ1², σ2², printed to 9 decimals.
        #expect(close(near.variance, 0.019233906, 5e-10))
        #expect(close(next.variance, 0.019423884, 5e-10))
        #expect(close(try CboeVIX.index(near: near, next: next), 13.93, 5e-3))
    }

    @Test("[WP19] 2019 white paper: T from minutes, forwards, near-term adjustment, VIX 13.69")
    func whitePaper2019() throws {
        // T1 = {854 + 510 + 34,560}/525,600 and T2 = {854 + 900 + 44,640}/525,600 (9:46 a.m. CT;
        // A.M.-settled standard at 8:30 a.m. CT, P.M.-settled Weekly at 3:00 p.m. CT).
        let n1 = CboeTime.minutesToSettlement(minutesRemainingToday: 854, minutesFromMidnightToSettlement: 510, wholeDaysBetween: 24)
        let n2 = CboeTime.minutesToSettlement(minutesRemainingToday: 854, minutesFromMidnightToSettlement: 900, wholeDaysBetween: 31)
        #expect(n1 == 35_924 && n2 == 46_394)
        let near = try CboeVIX.termVariance(strip: CboeVIXAppendix.nearTerm, minutesToSettlement: n1, rate: 0.000305)
        let next = try CboeVIX.termVariance(strip: CboeVIXAppendix.nextTerm, minutesToSettlement: n2, rate: 0.000286)
        #expect(close(near.years, 0.0683486, 5e-8))
        #expect(close(next.years, 0.0882686, 5e-8))
        #expect(close(near.forward, 1962.89996, 5e-6))
        #expect(close(next.forward, 1962.40006, 5e-6))
        #expect(close(near.forwardAdjustment, 0.00003203, 5e-9))
        #expect(close(near.contribution(at: 1370)!.contribution, 0.0000005328, 5e-11))
        #expect(close(try CboeVIX.index(near: near, next: next), 13.69, 5e-3))
    }
}

// MARK: - Hand-checkable cases

@Suite("Cboe VIX: rules and model checks")
struct CboeVIXRuleTests {
    static let rate = 0.05
    static let years = 0.25

    /// F = 100 exactly (call mid = put mid = 2.10 at 100). Put wing: 85 is a lone zero bid (skipped),
    /// 75 and 70 are two consecutive zero bids (stop), so 65 is excluded despite its bid. Call wing:
    /// 110 and 115 are two consecutive zero bids, so 120 is excluded despite its bid.
    static let truncationBoard: [OptionStripQuote] = [
        q(65, 35.0, 35.4, 0.05, 0.10),
        q(70, 30.0, 30.4, 0, 0.05),
        q(75, 25.1, 25.5, 0, 0.05),
        q(80, 20.2, 20.6, 0.10, 0.20),
        q(85, 15.4, 15.8, 0, 0.10),
        q(90, 10.8, 11.2, 0.40, 0.60),
        q(95, 6.2, 6.6, 1.0, 1.2),
        q(100, 2.0, 2.2, 2.0, 2.2),
        q(105, 0.60, 0.80, 5.6, 6.0),
        q(110, 0, 0.10, 10.0, 10.4),
        q(115, 0, 0.05, 15.0, 15.4),
        q(120, 0.05, 0.10, 20.0, 20.4),
    ]

    @Test("two consecutive zero bids stop each wing; a lone zero bid does not")
    func twoZeroBidTruncation() throws {
        let term = try CboeVIX.termVariance(strip: Self.truncationBoard, years: Self.years, rate: Self.rate)
        #expect(term.strikes.map(\.strike) == [80, 90, 95, 100, 105])
        #expect(term.strikes.map(\.kind) == [.put, .put, .put, .putCallAverage, .call])
        #expect(term.strikes.map(\.deltaK) == [10, 7.5, 5, 5, 5])
        for (got, mid) in zip(term.strikes.map(\.price), [0.15, 0.5, 1.1, 2.1, 0.7]) { #expect(close(got, mid, 1e-12)) }
        // σ² = (2/T) e^{RT} Σ ΔK Q / K², with F = K0 so no adjustment.
        let sum = 10 * 0.15 / 6400 + 7.5 * 0.5 / 8100 + 5 * 1.1 / 9025 + 5 * 2.1 / 10_000 + 5 * 0.7 / 11_025
        #expect(close(term.contributionSum * exp(-Self.rate * Self.years), sum, 1e-15))
        let expected = 2 / Self.years * exp(Self.rate * Self.years) * sum
        #expect(close(term.variance, expected, 1e-14))

        // Giving the 75 put a bid breaks the pair: 75 and 65 come in, 70 stays out (zero bid).
        var board = Self.truncationBoard
        board[2] = q(75, 25.1, 25.5, 0.05, 0.15)
        let wider = try CboeVIX.termVariance(strip: board, years: Self.years, rate: Self.rate)
        #expect(wider.strikes.map(\.strike) == [65, 75, 80, 90, 95, 100, 105])
        #expect(wider.contribution(at: 75)!.deltaK == 7.5)  // (80 - 65)/2
        #expect(wider.variance > term.variance)
    }

    @Test("K0 when F falls exactly on a strike, and when just below one")
    func atTheMoneyStrikeSelection() throws {
        let exact = try CboeVIX.termVariance(strip: Self.truncationBoard, years: Self.years, rate: Self.rate)
        #expect(exact.parityStrike == 100)
        #expect(exact.forward == 100)          // 100 + e^{RT} × (2.10 - 2.10)
        #expect(exact.atTheMoneyStrike == 100)  // "at or below": the strike itself
        #expect(exact.forwardAdjustment == 0)

        // Put mid 2.20 > call mid 2.10 at 100: F = 100 - 0.1 e^{RT} < 100, so K0 drops to 95,
        // 95 carries the put/call average and 100 becomes an out-of-the-money call.
        var board = Self.truncationBoard
        board[7] = q(100, 2.0, 2.2, 2.1, 2.3)
        let below = try CboeVIX.termVariance(strip: board, years: Self.years, rate: Self.rate)
        let forward = 100 - 0.1 * exp(Self.rate * Self.years)
        #expect(close(below.forward, forward, 1e-12))
        #expect(below.atTheMoneyStrike == 95)
        #expect(below.contribution(at: 95)!.kind == .putCallAverage)
        #expect(close(below.contribution(at: 95)!.price, (1.1 + 6.4) / 2, 1e-12))
        #expect(below.contribution(at: 100)!.kind == .call)
        #expect(close(below.forwardAdjustment, pow(forward / 95 - 1, 2) / Self.years, 1e-15))
    }

    /// Strip of Black-Scholes prices (bid = ask) on a uniform grid of step h covering F·e^{±10σ√T}.
    static func blackScholesStrip(forward: Double, vol: Double, years: Double, rate: Double, step h: Double) throws -> [OptionStripQuote] {
        let spot = forward * exp(-rate * years)
        let width = 10 * vol * years.squareRoot()
        let low = (forward * exp(-width) / h).rounded(.down) * h
        let count = Int(((forward * exp(width) - low) / h).rounded(.up))
        return try (0...count).map { i in
            let k = low + Double(i) * h
            let call = try BlackScholesMerton.price(.call, spot: spot, strike: k, time: years, rate: rate, dividendYield: 0, volatility: vol)
            let put = try BlackScholesMerton.price(.put, spot: spot, strike: k, time: years, rate: rate, dividendYield: 0, volatility: vol)
            return q(k, call, call, put, put)
        }
    }

    /// Flat-vol Black-Scholes strip: σ² comes out at σ² plus the strike-grid error, which is predicted
    /// in closed form and used as the expectation.
    ///
    /// Why: with the OTM price Q_F(K) split at F, 2e^{RT}/T ∫ Q_F(K)/K² dK = σ² exactly under
    /// Black-Scholes. The integrand g = Q_F/K² vanishes (with all derivatives) at both ends of a
    /// ±10σ√T grid, so by Euler-Maclaurin the grid sum differs from the integral only through the
    /// kink of g at F, where g' jumps by -e^{-rT}/F² (C' - P' = -e^{-rT}). With θ = (F - K0)/h, the
    /// periodic Bernoulli polynomial gives Σ h g(K_i) - ∫ g = h² e^{-rT}/F² · (θ² - θ + 1/6)/2 + O(h³),
    /// the K0 put/call average adds h e^{-rT}(F - K0)/(2K0²), and the Cboe term subtracts
    /// (1/T)(θh/K0)². Together:
    ///     σ̂² - σ² ≈ (h²/T) [ (θ² - θ + 1/6)/F² + (θ - θ²)/K0² ]     (= h²/(6TF²) when F is a strike).
    /// Tolerance: the next Euler-Maclaurin term, from the jump 4e^{-rT}/F³ in g'', is at most
    /// (2/T) h³ (4/F³) max|B₃|/6 with max|B₃| = √3/36 on [0, 1]; the truncated tails beyond 10σ√T
    /// weigh below 1e-20 and the one-sided end ΔK multiplies prices of order 1e-22.
    @Test("flat-vol Black-Scholes strip recovers σ² up to the predicted grid error",
          arguments: [(100.0, 0.5), (100.0, 1.0), (100.3, 0.5), (100.25, 0.5), (4_512.7, 5.0)])
    func blackScholesFlatVol(forward: Double, step h: Double) throws {
        let vol = 0.2, years = 0.1, rate = 0.03
        let strip = try Self.blackScholesStrip(forward: forward, vol: vol, years: years, rate: rate, step: h)
        let term = try CboeVIX.termVariance(strip: strip, years: years, rate: rate)
        #expect(close(term.forward, forward, 1e-9 * forward))
        #expect(term.strikes.count == strip.count)  // every bid is positive: nothing truncated
        let k0 = term.atTheMoneyStrike
        let theta = (term.forward - k0) / h
        let predicted = h * h / years * ((theta * theta - theta + 1.0 / 6) / (forward * forward) + (theta - theta * theta) / (k0 * k0))
        let nextOrder = 2 / years * pow(h, 3) * 4 / pow(forward, 3) * (3.0.squareRoot() / 36) / 6
        #expect(abs(term.variance - vol * vol - predicted) <= nextOrder + 1e-13)
        // In plain terms: h²/(6TF²) is at most 0.42 % of σ² on these grids (h/F = 1 %).
        #expect(abs(term.variance / (vol * vol) - 1) < 4.5e-3)
    }

    @Test("30-day interpolation: equal σ² on both terms gives VIX = 100σ; weights follow the minutes")
    func interpolation() throws {
        let vol = 0.2, rate = 0.03
        let near = try CboeVIX.termVariance(
            strip: try Self.blackScholesStrip(forward: 100, vol: vol, years: 25 * 1440 / 525_600, rate: rate, step: 0.25),
            minutesToSettlement: 25 * 1440, rate: rate)
        let next = try CboeVIX.termVariance(
            strip: try Self.blackScholesStrip(forward: 100, vol: vol, years: 32 * 1440 / 525_600, rate: rate, step: 0.25),
            minutesToSettlement: 32 * 1440, rate: rate)
        let vix = try CboeVIX.index(near: near, next: next)
        // Weights (N2 - N30)/(N2 - N1) = 2/7 and 5/7; T1 w1 + T2 w2 = N30/N365 exactly, so equal
        // variances interpolate to themselves.
        let w1 = 2.0 / 7, w2 = 5.0 / 7
        let expected = 100 * ((near.years * near.variance * w1 + next.years * next.variance * w2) * 525_600 / 43_200).squareRoot()
        #expect(close(vix, expected, 1e-12))
        #expect(close(vix, 100 * vol, 0.02))
        // Single-term case: the term's own 100σ.
        #expect(close(try CboeVIX.index(single: near), 100 * near.variance.squareRoot(), 1e-12))
        #expect(try CboeVIX.index(near: near, next: near) == CboeVIX.index(single: near))
        #expect(throws: CboeVIXError.termsNotOrdered(nearMinutes: next.minutes, nextMinutes: near.minutes)) {
            try CboeVIX.index(near: next, next: near)
        }
    }

    @Test("time helpers")
    func timeHelpers() throws {
        #expect(try CboeTime.years(minutes: 43_200) == 43_200.0 / 525_600)
        #expect(CboeTime.minutes(years: 1) == 525_600)
        #expect(throws: CboeVIXError.nonPositiveTime(0)) { try CboeTime.years(minutes: 0) }
        #expect(throws: CboeVIXError.nonFiniteParameter(name: "minutes")) { try CboeTime.years(minutes: .nan) }
    }
}

// MARK: - Errors

@Suite("Cboe VIX: degenerate inputs")
struct CboeVIXErrorTests {
    static let board = CboeVIXRuleTests.truncationBoard

    private func variance(_ strip: [OptionStripQuote], years: Double = 0.25, rate: Double = 0.05) throws(CboeVIXError) -> CboeVarianceTerm {
        try CboeVIX.termVariance(strip: strip, years: years, rate: rate)
    }

    @Test func emptyStrip() {
        #expect(throws: CboeVIXError.emptyStrip) { try variance([]) }
    }

    @Test func unsortedAndDuplicateStrikes() {
        var unsorted = Self.board
        unsorted.swapAt(3, 4)
        #expect(throws: CboeVIXError.strikesNotStrictlyIncreasing(index: 4, previous: 85, strike: 80)) { try variance(unsorted) }
        var duplicate = Self.board
        duplicate.insert(Self.board[5], at: 5)
        #expect(throws: CboeVIXError.strikesNotStrictlyIncreasing(index: 6, previous: 90, strike: 90)) { try variance(duplicate) }
    }

    @Test func nonPositiveOrNonFiniteTimeAndRate() {
        #expect(throws: CboeVIXError.nonPositiveTime(0)) { try variance(Self.board, years: 0) }
        #expect(throws: CboeVIXError.nonPositiveTime(-0.1)) { try variance(Self.board, years: -0.1) }
        #expect(throws: CboeVIXError.nonFiniteParameter(name: "years")) { try variance(Self.board, years: .infinity) }
        #expect(throws: CboeVIXError.nonFiniteParameter(name: "rate")) { try variance(Self.board, rate: .nan) }
        #expect(throws: CboeVIXError.nonPositiveTime(-5)) {
            try CboeVIX.termVariance(strip: Self.board, minutesToSettlement: -5, rate: 0.05)
        }
    }

    @Test func badQuotes() {
        var negative = Self.board
        negative[6] = q(95, 6.2, 6.6, -1.0, 1.2)
        #expect(throws: CboeVIXError.negativePrice(field: "putBid", index: 6, value: -1)) { try variance(negative) }
        var crossed = Self.board
        crossed[8] = q(105, 0.90, 0.80, 5.6, 6.0)
        #expect(throws: CboeVIXError.bidAboveAsk(leg: "call", index: 8, bid: 0.9, ask: 0.8)) { try variance(crossed) }
        var nonFinite = Self.board
        nonFinite[0] = q(65, 35.0, .nan, 0.05, 0.10)
        #expect(throws: CboeVIXError.nonFiniteInput(field: "callAsk", index: 0)) { try variance(nonFinite) }
        var zeroStrike = Self.board
        zeroStrike[0] = q(0, 35.0, 35.4, 0.05, 0.10)
        #expect(throws: CboeVIXError.nonPositiveStrike(index: 0, strike: 0)) { try variance(zeroStrike) }
    }

    @Test func noUsableOutOfTheMoneyOptions() {
        // Every put below K0 = 100 has a zero bid.
        let noPuts = Self.board.map { row in
            row.strike < 100 ? q(row.strike, row.callBid, row.callAsk, 0, row.putAsk) : row
        }
        #expect(throws: CboeVIXError.noUsableOptions(wing: "put")) { try variance(noPuts) }
        // The first two calls above K0 have zero bids, so the wing stops before any is taken.
        var noCalls = Self.board
        noCalls[8] = q(105, 0, 0.80, 5.6, 6.0)
        #expect(throws: CboeVIXError.noUsableOptions(wing: "call")) { try variance(noCalls) }
        // A single strike has no wings at all.
        #expect(throws: CboeVIXError.noUsableOptions(wing: "put")) { try variance([q(100, 2.0, 2.2, 2.0, 2.2)]) }
    }

    @Test func forwardBelowEveryStrike() {
        // Parity at 100 gives F = 100 - 5 e^{RT} < 95 = lowest strike.
        let strip = [q(95, 1, 1.2, 6, 6.2), q(100, 1.0, 1.2, 6.0, 6.2), q(105, 0.5, 0.6, 10, 10.4)]
        do {
            _ = try variance(strip)
            Issue.record("expected forwardBelowLowestStrike")
        } catch {
            guard case .forwardBelowLowestStrike(_, let lowest) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(lowest == 95)
        }
    }
}

// MARK: - Appendix data

/// The worked example's SPX option quotes, transcribed from the appendix of [WP19] / [METH]
/// (identical in both): strike, call bid, call ask, put bid, put ask. Cross-checked against an
/// independent transcription of the methodology's per-strike table (every included strike's Q(K)
/// and ΔK for the next term agree).
enum CboeVIXAppendix {
    static let nearTerm: [OptionStripQuote] = [
        q(800, 1160.9, 1164.4, 0, 0.1),
        q(900, 1060.9, 1064.5, 0, 0.1),
        q(1000, 961, 964.5, 0, 0.1),
        q(1050, 911, 914.5, 0, 0.1),
        q(1100, 861, 864.6, 0, 0.05),
        q(1125, 836, 839.6, 0, 0.05),
        q(1150, 811, 814.6, 0, 0.05),
        q(1175, 786.1, 789.6, 0, 0.05),
        q(1200, 761.1, 764.6, 0, 0.05),
        q(1220, 741.1, 744.6, 0, 0.1),
        q(1225, 736.1, 739.6, 0, 0.05),
        q(1240, 721.1, 724.6, 0, 0.1),
        q(1250, 711.1, 714.6, 0, 0.05),
        q(1260, 701.1, 704.6, 0, 0.1),
        q(1270, 691.1, 694.6, 0, 0.1),
        q(1275, 686.1, 689.6, 0, 0.1),
        q(1280, 681.1, 684.6, 0, 0.1),
        q(1290, 671.1, 674.7, 0, 0.1),
        q(1300, 661.1, 664.7, 0.05, 0.1),
        q(1305, 656.1, 659.7, 0, 0.1),
        q(1310, 651.1, 654.7, 0, 0.1),
        q(1315, 646.1, 649.7, 0, 0.1),
        q(1320, 641.2, 644.7, 0, 0.1),
        q(1325, 636.2, 639.7, 0.05, 0.1),
        q(1330, 631.2, 634.7, 0, 0.1),
        q(1335, 626.2, 629.7, 0, 0.15),
        q(1340, 621.2, 624.7, 0, 0.15),
        q(1345, 616.2, 619.7, 0, 0.15),
        q(1350, 611.2, 614.7, 0.05, 0.15),
        q(1355, 606.2, 609.7, 0.05, 0.35),
        q(1360, 601.2, 604.7, 0, 0.35),
        q(1365, 596.2, 599.7, 0, 0.35),
        q(1370, 591.2, 594.7, 0.05, 0.35),
        q(1375, 586.2, 589.7, 0.1, 0.15),
        q(1380, 581.2, 584.7, 0.1, 0.2),
        q(1385, 576.2, 579.7, 0.1, 0.35),
        q(1390, 571.2, 574.7, 0.1, 0.35),
        q(1395, 566.2, 569.7, 0.1, 0.15),
        q(1400, 561.2, 564.8, 0.1, 0.15),
        q(1405, 556.2, 559.8, 0, 0.35),
        q(1410, 551.2, 554.8, 0.05, 0.4),
        q(1415, 546.2, 549.8, 0, 0.4),
        q(1420, 541.2, 544.8, 0.05, 0.4),
        q(1425, 536.3, 539.8, 0.15, 0.2),
        q(1430, 531.3, 534.8, 0.05, 0.4),
        q(1435, 526.3, 529.8, 0.15, 0.4),
        q(1440, 521.3, 524.8, 0.05, 0.3),
        q(1445, 516.3, 519.8, 0.05, 0.4),
        q(1450, 511.3, 514.8, 0.15, 0.25),
        q(1455, 506.3, 509.8, 0.05, 0.45),
        q(1460, 501.3, 504.8, 0.05, 0.45),
        q(1465, 496.3, 499.8, 0.05, 0.45),
        q(1470, 491.3, 494.8, 0.05, 0.45),
        q(1475, 486.3, 489.9, 0.15, 0.25),
        q(1480, 481.3, 484.9, 0.05, 0.45),
        q(1485, 476.3, 479.9, 0.2, 0.5),
        q(1490, 471.3, 474.9, 0.05, 0.3),
        q(1495, 466.4, 469.9, 0.05, 0.5),
        q(1500, 461.4, 464.9, 0.25, 0.4),
        q(1505, 456.4, 459.9, 0.3, 0.35),
        q(1510, 451.4, 454.9, 0.05, 0.55),
        q(1515, 446.4, 449.9, 0.05, 0.55),
        q(1520, 441.4, 445, 0.1, 0.6),
        q(1525, 436.4, 440, 0.3, 0.4),
        q(1530, 431.4, 435, 0.05, 0.6),
        q(1535, 426.4, 430, 0.1, 0.65),
        q(1540, 421.4, 425, 0.1, 0.65),
        q(1545, 416.5, 420, 0.1, 0.65),
        q(1550, 411.5, 415, 0.3, 0.7),
        q(1555, 406.5, 410.1, 0.15, 0.7),
        q(1560, 401.5, 405.1, 0.15, 0.7),
        q(1565, 396.5, 400.1, 0.15, 0.7),
        q(1570, 391.5, 395.1, 0.2, 0.75),
        q(1575, 386.5, 390.1, 0.35, 0.75),
        q(1580, 381.5, 385.1, 0.25, 0.8),
        q(1585, 376.6, 380.2, 0.25, 0.8),
        q(1590, 371.6, 375.2, 0.25, 0.8),
        q(1595, 366.6, 370.2, 0.25, 0.8),
        q(1600, 361.6, 365.2, 0.5, 0.85),
        q(1605, 356.6, 360.3, 0.3, 0.85),
        q(1610, 351.6, 355.3, 0.35, 0.9),
        q(1615, 346.7, 350.3, 0.35, 0.9),
        q(1620, 341.7, 345.3, 0.35, 0.9),
        q(1625, 336.7, 340.4, 0.4, 0.95),
        q(1630, 331.7, 335.4, 0.4, 0.95),
        q(1635, 326.7, 330.4, 0.45, 1),
        q(1640, 321.8, 325.4, 0.45, 1),
        q(1645, 316.8, 320.5, 0.5, 1.05),
        q(1650, 311.8, 315.5, 0.5, 0.85),
        q(1655, 306.8, 310.5, 0.55, 1.1),
        q(1660, 301.9, 305.6, 0.55, 1.1),
        q(1665, 296.9, 300.6, 0.6, 1.15),
        q(1670, 291.9, 295.7, 0.6, 1.15),
        q(1675, 287, 290.7, 0.65, 1.2),
        q(1680, 282, 285.7, 0.7, 1.25),
        q(1685, 277, 280.8, 0.75, 1.3),
        q(1690, 272.1, 275.8, 0.75, 1.3),
        q(1695, 267.1, 270.9, 0.8, 1.35),
        q(1700, 262.1, 265.9, 0.85, 1.4),
        q(1705, 257.2, 261, 0.85, 1.4),
        q(1710, 252.2, 256, 0.9, 1.45),
        q(1715, 247.3, 251.1, 0.95, 1.5),
        q(1720, 242.3, 246.1, 1, 1.55),
        q(1725, 237.4, 241.2, 1.05, 1.6),
        q(1730, 232.4, 236.3, 1.1, 1.65),
        q(1735, 227.5, 231.3, 1.15, 1.7),
        q(1740, 222.5, 226.4, 1.2, 1.75),
        q(1745, 217.6, 221.5, 1.25, 1.85),
        q(1750, 212.6, 216.6, 1.3, 1.9),
        q(1755, 207.7, 211.6, 1.4, 1.95),
        q(1760, 202.8, 206.7, 1.45, 2.05),
        q(1765, 197.8, 201.8, 1.5, 2.15),
        q(1770, 192.9, 196.9, 1.6, 2.2),
        q(1775, 188, 192, 1.65, 2.35),
        q(1780, 183.1, 187.1, 1.75, 2.4),
        q(1785, 178.2, 182.2, 1.85, 2.5),
        q(1790, 173.3, 177.3, 1.9, 2.6),
        q(1795, 168.4, 172.4, 2, 2.75),
        q(1800, 163.5, 167.5, 2.15, 2.9),
        q(1805, 158.6, 162.6, 2.25, 3),
        q(1810, 153.8, 157.8, 2.35, 3.2),
        q(1815, 148.9, 152.9, 2.5, 3.4),
        q(1820, 144.1, 148.1, 2.65, 3.5),
        q(1825, 139.2, 143.3, 3, 3.6),
        q(1830, 134.4, 138.4, 3, 3.9),
        q(1835, 129.6, 133.6, 3.2, 4.1),
        q(1840, 124.8, 128.8, 3.4, 4.4),
        q(1845, 120.1, 124.1, 3.6, 4.6),
        q(1850, 115.4, 119.3, 3.8, 4.9),
        q(1855, 110.6, 114.6, 4.1, 5.2),
        q(1860, 105.9, 109.9, 4.4, 5.5),
        q(1865, 101.3, 105.2, 4.7, 5.8),
        q(1870, 96.6, 100.5, 5, 6.2),
        q(1875, 92, 95.9, 5.4, 6.6),
        q(1880, 87.4, 91.3, 5.8, 7),
        q(1885, 82.9, 86.7, 6.2, 7.5),
        q(1890, 78.4, 82.2, 6.7, 8),
        q(1895, 74, 77.7, 7.2, 8.6),
        q(1900, 69.6, 73.2, 7.8, 8.8),
        q(1905, 66, 68.5, 8.5, 9.5),
        q(1910, 61.6, 64.1, 9.1, 10.2),
        q(1915, 57.4, 59.8, 9.9, 11.3),
        q(1920, 53.3, 55.6, 10.7, 12.1),
        q(1925, 49.1, 51.2, 11.6, 12.6),
        q(1930, 45.2, 47.3, 12.5, 14),
        q(1935, 41.2, 43.4, 13.6, 14.7),
        q(1940, 37.4, 39.5, 14.7, 15.8),
        q(1945, 33.7, 35.7, 15.9, 17.2),
        q(1950, 30.1, 32.1, 17.7, 18.8),
        q(1955, 26.7, 28.5, 19, 20.5),
        q(1960, 23.4, 25.1, 20.6, 22),
        q(1965, 20.3, 21.8, 22.3, 24),
        q(1970, 17.4, 18.8, 24.3, 25.8),
        q(1975, 14.6, 15.9, 26.5, 28.1),
        q(1980, 12.2, 13.3, 28.9, 30.6),
        q(1985, 9.9, 11, 31.4, 33.2),
        q(1990, 7.9, 9, 34.3, 36.5),
        q(1995, 6.2, 7.1, 37.4, 39.7),
        q(2000, 4.7, 5.2, 40.7, 43.2),
        q(2005, 3.4, 4.2, 44, 47.7),
        q(2010, 2.65, 3.1, 48, 51.4),
        q(2015, 1.75, 2.3, 52.2, 56),
        q(2020, 1.2, 1.7, 56.6, 60.4),
        q(2025, 1, 1.25, 61.2, 65),
        q(2030, 0.45, 1, 65.9, 69.7),
        q(2035, 0.25, 0.8, 70.7, 74.4),
        q(2040, 0.35, 0.65, 75.6, 79.3),
        q(2045, 0.2, 0.6, 80.5, 84.1),
        q(2050, 0.2, 0.3, 85.4, 89),
        q(2055, 0.15, 0.5, 90.4, 94),
        q(2060, 0.15, 0.3, 95.3, 98.9),
        q(2065, 0.15, 0.2, 100.3, 103.9),
        q(2070, 0.1, 0.2, 105.3, 108.9),
        q(2075, 0.1, 0.2, 110.3, 113.8),
        q(2080, 0.05, 0.45, 115.3, 118.8),
        q(2085, 0.05, 0.4, 120.3, 123.8),
        q(2090, 0.05, 0.15, 125.3, 128.8),
        q(2095, 0.05, 0.35, 130.3, 133.8),
        q(2100, 0.05, 0.15, 135.3, 138.8),
        q(2120, 0, 0.15, 155.3, 158.8),
        q(2125, 0.05, 0.15, 160.3, 163.8),
        q(2150, 0, 0.1, 185.2, 188.8),
        q(2175, 0, 0.05, 210.2, 213.7),
        q(2200, 0, 0.05, 235.2, 238.7),
        q(2225, 0.05, 0.1, 260.2, 263.7),
    ]

    static let nextTerm: [OptionStripQuote] = [
        q(1225, 735.9, 738.8, 0, 0.1),
        q(1250, 710.8, 713.8, 0, 0.1),
        q(1275, 686, 688.7, 0.05, 0.1),
        q(1300, 660.9, 663.8, 0, 0.1),
        q(1325, 635.9, 638.6, 0.1, 0.2),
        q(1350, 610.9, 613.6, 0.1, 0.2),
        q(1375, 585.9, 588.7, 0.1, 0.25),
        q(1400, 561, 563.7, 0.15, 0.25),
        q(1425, 536, 538.8, 0.2, 0.3),
        q(1450, 511.1, 513.8, 0.25, 0.35),
        q(1475, 486.1, 488.9, 0.3, 0.4),
        q(1500, 461.2, 464, 0.35, 0.45),
        q(1510, 451.3, 454, 0.35, 0.5),
        q(1520, 441.3, 444, 0.4, 0.5),
        q(1525, 436.3, 439.1, 0.4, 0.55),
        q(1530, 431.3, 434.1, 0.45, 0.55),
        q(1540, 421.4, 424.1, 0.45, 0.6),
        q(1550, 411.4, 414.2, 0.5, 0.6),
        q(1555, 406.4, 409.2, 0.5, 0.65),
        q(1560, 401.4, 404.2, 0.55, 0.65),
        q(1565, 396.5, 399.2, 0.55, 0.7),
        q(1570, 391.2, 394, 0.6, 0.7),
        q(1575, 386.5, 389.3, 0.6, 0.75),
        q(1580, 381.5, 384.3, 0.6, 0.75),
        q(1585, 376.6, 379.3, 0.65, 0.75),
        q(1590, 371.3, 374.1, 0.65, 0.8),
        q(1595, 366.6, 369.4, 0.7, 0.8),
        q(1600, 361.6, 364.4, 0.7, 0.85),
        q(1605, 356.7, 359.4, 0.75, 0.85),
        q(1610, 351.7, 354.5, 0.75, 0.9),
        q(1615, 346.7, 349.5, 0.8, 0.9),
        q(1620, 341.8, 344.5, 0.8, 0.95),
        q(1625, 336.8, 339.5, 0.85, 0.95),
        q(1630, 331.8, 334.6, 0.9, 1),
        q(1635, 326.9, 329.6, 0.9, 1.05),
        q(1640, 321.9, 324.7, 0.95, 1.05),
        q(1645, 316.9, 319.7, 0.95, 1.1),
        q(1650, 312, 314.7, 1, 1.15),
        q(1655, 307, 309.8, 1.05, 1.15),
        q(1660, 302.1, 304.8, 1.1, 1.2),
        q(1665, 297.1, 299.9, 1.15, 1.25),
        q(1670, 292.2, 294.9, 1.15, 1.3),
        q(1675, 287.2, 289.9, 1.2, 1.35),
        q(1680, 282.3, 285, 1.25, 1.4),
        q(1685, 277.3, 280.1, 1.3, 1.45),
        q(1690, 272.4, 275.1, 1.35, 1.5),
        q(1695, 267.4, 270.2, 1.4, 1.55),
        q(1700, 262.5, 265.2, 1.45, 1.6),
        q(1705, 257.5, 260.3, 1.5, 1.7),
        q(1710, 252.6, 255.3, 1.6, 1.75),
        q(1715, 247.7, 250.4, 1.65, 1.8),
        q(1720, 242.7, 245.5, 1.7, 1.9),
        q(1725, 237.8, 240.6, 1.75, 1.95),
        q(1730, 232.9, 235.6, 1.85, 2),
        q(1735, 228, 230.7, 1.9, 2.1),
        q(1740, 223.4, 225.3, 2, 2.2),
        q(1745, 218.5, 220.4, 2.1, 2.25),
        q(1750, 213.6, 215.5, 2.2, 2.35),
        q(1755, 208.7, 210.6, 2.3, 2.45),
        q(1760, 203.8, 205.7, 2.4, 2.55),
        q(1765, 198.9, 200.8, 2.5, 2.65),
        q(1770, 194, 195.9, 2.65, 2.8),
        q(1775, 189.2, 191.1, 2.75, 2.9),
        q(1780, 184.3, 185.8, 2.9, 3.1),
        q(1785, 179.4, 180.9, 3, 3.2),
        q(1790, 174.6, 176.1, 3.1, 3.4),
        q(1795, 169.7, 171.2, 3.3, 3.6),
        q(1800, 164.9, 166.4, 3.5, 3.7),
        q(1805, 160.1, 161.6, 3.7, 3.9),
        q(1810, 155.3, 156.7, 3.8, 4.1),
        q(1815, 150.5, 152, 4.1, 4.3),
        q(1820, 145.7, 147.2, 4.3, 4.5),
        q(1825, 140.9, 142.4, 4.5, 4.8),
        q(1830, 136.2, 137.7, 4.8, 5),
        q(1835, 131.5, 132.9, 5, 5.3),
        q(1840, 126.8, 128.2, 5.3, 5.6),
        q(1845, 122.1, 123.5, 5.6, 5.9),
        q(1850, 117.4, 118.8, 5.9, 6.2),
        q(1855, 112.8, 114.2, 6.3, 6.6),
        q(1860, 108.2, 109.6, 6.6, 6.9),
        q(1865, 103.6, 105, 7, 7.3),
        q(1870, 99, 100.4, 7.5, 7.8),
        q(1875, 94.5, 95.9, 8, 8.3),
        q(1880, 90, 91.4, 8.4, 8.8),
        q(1885, 85.5, 86.9, 9, 9.4),
        q(1890, 81.1, 82.5, 9.5, 10),
        q(1895, 76.8, 78.1, 10.2, 10.6),
        q(1900, 72.4, 73.7, 10.9, 11.3),
        q(1905, 68.2, 69.4, 11.6, 12),
        q(1910, 64, 65.2, 12.4, 12.8),
        q(1915, 59.8, 61.1, 13.2, 13.7),
        q(1920, 55.7, 57, 14.2, 14.6),
        q(1925, 51.7, 53, 15.2, 15.6),
        q(1930, 47.8, 49.1, 16.2, 16.6),
        q(1935, 44.6, 45.1, 17.4, 17.8),
        q(1940, 40.8, 41.3, 18.6, 19),
        q(1945, 37.2, 37.7, 20, 20.4),
        q(1950, 33.7, 34.4, 21.4, 21.8),
        q(1955, 30.3, 30.9, 23, 23.4),
        q(1960, 27, 27.6, 24.7, 25.1),
        q(1965, 23.8, 24.5, 26.5, 27.3),
        q(1970, 20.8, 21.4, 28.5, 29.4),
        q(1975, 18, 18.6, 30.5, 31.6),
        q(1980, 15.5, 15.9, 33, 34),
        q(1985, 13.1, 13.5, 35.5, 36.6),
        q(1990, 10.9, 11.3, 38.4, 39.5),
        q(1995, 9, 9.3, 41.3, 42.5),
        q(2000, 7.2, 7.6, 44.5, 45.8),
        q(2005, 5.7, 6, 48.1, 49.3),
        q(2010, 4.5, 4.8, 51.7, 53),
        q(2015, 3.4, 3.7, 55.8, 57),
        q(2020, 2.6, 2.8, 59.9, 61.7),
        q(2025, 1.95, 2.15, 64.1, 66.1),
        q(2030, 1.45, 1.65, 68.6, 70.6),
        q(2035, 1.05, 1.25, 73.3, 75.2),
        q(2040, 0.8, 0.95, 78, 80),
        q(2045, 0.6, 0.75, 82, 84.8),
        q(2050, 0.5, 0.65, 86.9, 89.6),
        q(2060, 0.3, 0.4, 96.6, 99.4),
        q(2070, 0.2, 0.3, 106.7, 109.5),
        q(2075, 0.15, 0.25, 111.7, 114.5),
        q(2100, 0.1, 0.2, 136.3, 139.1),
        q(2125, 0.05, 0.15, 161.5, 164.3),
        q(2150, 0.05, 0.15, 186.3, 189),
        q(2175, 0, 0.1, 211.3, 214),
        q(2200, 0.05, 0.1, 236.3, 239),
        q(2225, 0, 0.1, 261.3, 264),
        q(2250, 0, 0.1, 286.3, 289),
    ]
}
