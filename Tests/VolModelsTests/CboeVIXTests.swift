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

func q(_ k: Double, _ cb: Double, _ ca: Double, _ pb: Double, _ pa: Double) -> OptionStripQuote {
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
