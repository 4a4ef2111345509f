import Foundation
import Testing
@testable import QuantCore

// Reference values come from Tools/fixtures/make_stats_fixtures.py (numpy + scipy brentq,
// fixed seed), stored in Resources/stats_reference.json.
// Tolerances: 1e-12 relative for closed-form statistics (both sides are double-precision
// evaluations of the same formula; observed differences are ~1e-15), 1e-10 relative for
// XIRR (two different root finders on differently parametrised functions).

private struct StatsFixture: Decodable {
    struct Tolerances: Decodable { let relative: Double; let xirrRelative: Double }
    struct Drawdown: Decodable { let depth: Double; let peakIndex: Int; let troughIndex: Int; let recoveryIndex: Int? }
    struct Curve: Decodable {
        let name: String
        let periodsPerYear: Double
        let riskFreeRate: Double
        let minimumAcceptableReturn: Double
        let equity: [Double]
        let returns: [Double]
        let cagr: Double
        let annualizedVolatility: Double
        let sharpe: Double
        let downsideDeviation: Double
        let sortino: Double
        let maxDrawdown: Drawdown
        let calmar: Double
    }
    struct Flows: Decodable {
        let name: String
        let dayNumbers: [Int]
        let amounts: [Double]
        let xirr: Double
        var cashFlows: [CashFlow] { zip(dayNumbers, amounts).map { CashFlow(dayNumber: $0, amount: $1) } }
    }
    let tolerances: Tolerances
    let equityCurves: [Curve]
    let cashFlowSets: [Flows]

    static func load() throws -> StatsFixture {
        let candidates: [URL?] = [
            Bundle.module.url(forResource: "Resources/stats_reference", withExtension: "json"),
            Bundle.module.url(forResource: "stats_reference", withExtension: "json", subdirectory: "Resources"),
            Bundle.module.url(forResource: "stats_reference", withExtension: "json"),
            Bundle.module.resourceURL?.appendingPathComponent("Resources/stats_reference.json"),
        ]
        let url = try #require(candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.path) },
                               "stats_reference.json not found in Bundle.module")
        return try JSONDecoder().decode(StatsFixture.self, from: Data(contentsOf: url))
    }
}

/// |actual - expected| <= rel * |expected| + abs
private func isClose(_ actual: Double, _ expected: Double, rel: Double, abs absTol: Double = 0) -> Bool {
    actual.isFinite && abs(actual - expected) <= rel * abs(expected) + absTol
}

private typealias PS = PortfolioStatistics

@Suite("Portfolio statistics")
struct StatisticsTests {

    // MARK: - Reference fixtures (numpy / scipy)

    @Test("Equity-curve metrics match numpy reference")
    func equityCurvesMatchReference() throws {
        let fx = try StatsFixture.load()
        let rel = fx.tolerances.relative
        #expect(fx.equityCurves.count >= 4)
        for c in fx.equityCurves {
            let note = Comment(rawValue: c.name)
            let r = try PS.simpleReturns(equity: c.equity)
            try #require(r.count == c.returns.count, note)
            for (a, e) in zip(r, c.returns) { #expect(isClose(a, e, rel: rel, abs: 1e-16), note) }

            #expect(isClose(try PS.cagr(equity: c.equity, periodsPerYear: c.periodsPerYear), c.cagr, rel: rel), note)
            #expect(isClose(try PS.annualizedVolatility(returns: r, periodsPerYear: c.periodsPerYear),
                            c.annualizedVolatility, rel: rel), note)
            #expect(isClose(try PS.sharpeRatio(returns: r, riskFreeRate: c.riskFreeRate, periodsPerYear: c.periodsPerYear),
                            c.sharpe, rel: rel), note)
            #expect(isClose(try PS.downsideDeviation(returns: r, minimumAcceptableReturn: c.minimumAcceptableReturn,
                                                     periodsPerYear: c.periodsPerYear),
                            c.downsideDeviation, rel: rel), note)
            #expect(isClose(try PS.sortinoRatio(returns: r, minimumAcceptableReturn: c.minimumAcceptableReturn,
                                                periodsPerYear: c.periodsPerYear),
                            c.sortino, rel: rel), note)
            let dd = try PS.maxDrawdown(equity: c.equity)
            #expect(isClose(dd.depth, c.maxDrawdown.depth, rel: rel), note)
            #expect(dd.peakIndex == c.maxDrawdown.peakIndex, note)
            #expect(dd.troughIndex == c.maxDrawdown.troughIndex, note)
            #expect(dd.recoveryIndex == c.maxDrawdown.recoveryIndex, note)
            #expect(isClose(try PS.calmarRatio(equity: c.equity, periodsPerYear: c.periodsPerYear), c.calmar, rel: rel), note)
        }
        // The fixture must exercise both recovered and unrecovered drawdowns.
        #expect(fx.equityCurves.contains { $0.maxDrawdown.recoveryIndex == nil })
        #expect(fx.equityCurves.contains { $0.maxDrawdown.recoveryIndex != nil })
    }

    @Test("XIRR matches scipy brentq reference and zeroes the NPV")
    func xirrMatchesReference() throws {
        let fx = try StatsFixture.load()
        #expect(fx.cashFlowSets.count >= 5)
        for s in fx.cashFlowSets {
            let note = Comment(rawValue: s.name)
            let rate = try PS.xirr(s.cashFlows)
            #expect(isClose(rate, s.xirr, rel: fx.tolerances.xirrRelative), note)
            let scale = s.amounts.reduce(0) { $0 + abs($1) }
            #expect(abs(try PS.xnpv(rate: rate, flows: s.cashFlows)) <= 1e-10 * scale, note)
        }
    }

    // MARK: - Hand-checkable cases

    @Test("XIRR: -100 today, +110 in 365 days is exactly 10 %")
    func xirrHandCase() throws {
        let rate = try PS.xirr([CashFlow(dayNumber: 19_000, amount: -100), CashFlow(dayNumber: 19_365, amount: 110)])
        #expect(isClose(rate, 0.10, rel: 1e-12))
    }

    @Test("XIRR with two IRRs (10 % and 20 %) returns the one with smaller |r|")
    func xirrTwoRoots() throws {
        // -100 + 230 v - 132 v^2 = 0  =>  v = 1/1.1 or 1/1.2
        let flows = [CashFlow(dayNumber: 0, amount: -100), CashFlow(dayNumber: 365, amount: 230),
                     CashFlow(dayNumber: 730, amount: -132)]
        #expect(isClose(try PS.xirr(flows), 0.10, rel: 1e-12))
        #expect(abs(try PS.xnpv(rate: 0.20, flows: flows)) < 1e-12)
    }

    @Test("XIRR is invariant to shifting all dates and to the order of flows")
    func xirrInvariance() throws {
        let flows = [CashFlow(dayNumber: 100, amount: -5_000), CashFlow(dayNumber: 190, amount: 700),
                     CashFlow(dayNumber: 400, amount: 1_900), CashFlow(dayNumber: 800, amount: 3_300)]
        let base = try PS.xirr(flows)
        let shifted = try PS.xirr(flows.map { CashFlow(dayNumber: $0.dayNumber + 12_345, amount: $0.amount) })
        let reversed = try PS.xirr(flows.reversed())
        #expect(base > 0.05 && base < 0.2)
        #expect(isClose(shifted, base, rel: 1e-12))
        #expect(isClose(reversed, base, rel: 1e-12))
    }

    @Test("Drawdown, CAGR and Calmar on a small hand-checked curve")
    func drawdownHandCase() throws {
        let eq: [Double] = [100, 110, 99, 105, 120, 90, 95, 130]
        let dd = try PS.maxDrawdown(equity: eq)
        #expect(isClose(dd.depth, 0.25, rel: 1e-15))   // 120 -> 90
        #expect(dd.peakIndex == 4)
        #expect(dd.troughIndex == 5)
        #expect(dd.recoveryIndex == 7)
        // 7 periods at 252/yr: years = 7/252
        let expectedCAGR = pow(1.3, 252.0 / 7.0) - 1
        #expect(isClose(try PS.cagr(equity: eq), expectedCAGR, rel: 1e-12))
        #expect(isClose(try PS.calmarRatio(equity: eq), expectedCAGR / 0.25, rel: 1e-12))
        // Not recovered when the curve ends below the peak.
        #expect(try PS.maxDrawdown(equity: [100, 120, 90, 119]).recoveryIndex == nil)
        // Equal highs: the drawdown starts at the latest index of the high.
        #expect(try PS.maxDrawdown(equity: [100, 120, 110, 120, 60, 121]).peakIndex == 3)
        #expect(isClose(try PS.cagr(startValue: 100, endValue: 121, years: 2), 0.10, rel: 1e-14))
    }

    @Test("Sharpe, Sortino and volatility on hand-computed returns")
    func ratiosHandCase() throws {
        let r = [0.01, -0.01, 0.02, 0.0]   // mean 0.005, sum sq dev 5e-4
        let sd = (0.0005 / 3).squareRoot()
        #expect(isClose(try PS.annualizedVolatility(returns: r), sd * 252.0.squareRoot(), rel: 1e-13))
        #expect(isClose(try PS.sharpeRatio(returns: r), 0.005 / sd * 252.0.squareRoot(), rel: 1e-13))
        // rf 2.52 %/yr -> 1e-4 per day
        #expect(isClose(try PS.sharpeRatio(returns: r, riskFreeRate: 0.0252), 0.0049 / sd * 252.0.squareRoot(), rel: 1e-12))
        // Downside over ALL 4 periods: sqrt(1e-4 / 4) = 0.005  =>  Sortino = sqrt(252)
        #expect(isClose(try PS.downsideDeviation(returns: r), 0.005, rel: 1e-13))
        #expect(isClose(try PS.sortinoRatio(returns: r), 252.0.squareRoot(), rel: 1e-13))
        // Annual MAR 2.52 % -> 1e-4 per day: DD = sqrt((0.0101^2 + 0.0001^2)/4)
        let ddMar = ((0.0101 * 0.0101 + 0.0001 * 0.0001) / 4).squareRoot()
        #expect(isClose(try PS.sortinoRatio(returns: r, minimumAcceptableReturn: 0.0252),
                        0.0049 / ddMar * 252.0.squareRoot(), rel: 1e-12))
    }

    // MARK: - Error cases (typed errors, never NaN)

    @Test("XIRR rejects flows without a sign change, too few flows, non-finite amounts")
    func xirrErrors() {
        #expect(throws: StatisticsError.noSignChange) {
            try PS.xirr([CashFlow(dayNumber: 0, amount: 100), CashFlow(dayNumber: 30, amount: 110)])
        }
        #expect(throws: StatisticsError.noSignChange) {
            try PS.xirr([CashFlow(dayNumber: 0, amount: -100), CashFlow(dayNumber: 30, amount: -5)])
        }
        #expect(throws: StatisticsError.noSignChange) {
            try PS.xirr([CashFlow(dayNumber: 0, amount: 0), CashFlow(dayNumber: 30, amount: 5)])
        }
        #expect(throws: StatisticsError.insufficientData(needed: 2, got: 1)) {
            try PS.xirr([CashFlow(dayNumber: 0, amount: -100)])
        }
        #expect(throws: StatisticsError.nonFiniteInput(index: 1)) {
            try PS.xirr([CashFlow(dayNumber: 0, amount: -100), CashFlow(dayNumber: 9, amount: .nan)])
        }
        let rateError = #expect(throws: StatisticsError.self) {
            try PS.xnpv(rate: -1, flows: [CashFlow(dayNumber: 0, amount: -100)])
        }
        if case .invalidParameter(let name, _) = rateError { #expect(name == "rate") } else {
            Issue.record("expected .invalidParameter, got \(String(describing: rateError))")
        }
    }

    @Test("XIRR reports noRoot when the IRR lies outside the searched range")
    func xirrNoRoot() throws {
        // Doubling 1e300-fold in one day needs r far above 1e6.
        let error = #expect(throws: StatisticsError.self) {
            try PS.xirr([CashFlow(dayNumber: 0, amount: -1), CashFlow(dayNumber: 1, amount: 1e300)])
        }
        guard case .noRoot = try #require(error) else {
            Issue.record("expected .noRoot, got \(String(describing: error))")
            return
        }
    }

    @Test("Flat equity: Sharpe throws zeroVolatility, volatility is 0, Calmar throws zeroDrawdown")
    func flatEquity() throws {
        let flat = [Double](repeating: 100_000, count: 30)
        let r = try PS.simpleReturns(equity: flat)
        #expect(throws: StatisticsError.zeroVolatility) { try PS.sharpeRatio(returns: r) }
        #expect(try PS.annualizedVolatility(returns: r).isZero)
        #expect(throws: StatisticsError.zeroDownsideDeviation) { try PS.sortinoRatio(returns: r) }
        #expect(throws: StatisticsError.zeroDrawdown) { try PS.calmarRatio(equity: flat) }
        let dd = try PS.maxDrawdown(equity: flat)
        #expect(dd.depth.isZero && dd.peakIndex == 0 && dd.troughIndex == 0 && dd.recoveryIndex == 0)
        // Constant non-zero returns (geometric growth) also count as zero volatility.
        #expect(throws: StatisticsError.zeroVolatility) {
            try PS.sharpeRatio(returns: [Double](repeating: 0.001, count: 10))
        }
        // The same from an equity curve: E[i+1]/E[i] - 1 carries rounding noise of about ε.
        let growth = (0..<253).map { 100 * pow(1.0002, Double($0)) }
        let growthReturns = try PS.simpleReturns(equity: growth)
        #expect(throws: StatisticsError.zeroVolatility) { try PS.sharpeRatio(returns: growthReturns) }
    }

    @Test("Short, non-finite and non-positive inputs throw typed errors")
    func inputValidation() {
        #expect(throws: StatisticsError.insufficientData(needed: 2, got: 1)) { try PS.simpleReturns(equity: [100]) }
        #expect(throws: StatisticsError.insufficientData(needed: 2, got: 0)) { try PS.cagr(equity: []) }
        #expect(throws: StatisticsError.insufficientData(needed: 2, got: 1)) { try PS.sharpeRatio(returns: [0.01]) }
        #expect(throws: StatisticsError.insufficientData(needed: 2, got: 1)) { try PS.annualizedVolatility(returns: [0.01]) }
        #expect(throws: StatisticsError.insufficientData(needed: 2, got: 1)) { try PS.maxDrawdown(equity: [1]) }
        #expect(throws: StatisticsError.nonFiniteInput(index: 2)) { try PS.sortinoRatio(returns: [0.01, -0.02, .infinity]) }
        #expect(throws: StatisticsError.nonFiniteInput(index: 1)) { try PS.maxDrawdown(equity: [100, .nan, 90]) }
        #expect(throws: StatisticsError.nonPositiveValue(index: 2)) { try PS.simpleReturns(equity: [100, 50, 0, 10]) }
        #expect(throws: StatisticsError.nonPositiveValue(index: 1)) { try PS.calmarRatio(equity: [100, -5, 10]) }
        #expect(throws: StatisticsError.self) { try PS.sharpeRatio(returns: [0.01, 0.02], periodsPerYear: 0) }
        #expect(throws: StatisticsError.self) { try PS.sharpeRatio(returns: [0.01, 0.02], riskFreeRate: .nan) }
        #expect(throws: StatisticsError.self) { try PS.cagr(startValue: 100, endValue: 110, years: 0) }
        #expect(throws: StatisticsError.self) { try PS.cagr(startValue: 0, endValue: 110, years: 1) }
    }

    @Test("Error descriptions are human readable")
    func errorDescriptions() {
        #expect(StatisticsError.nonFiniteInput(index: 7).description.contains("7"))
        #expect(StatisticsError.insufficientData(needed: 2, got: 1).description.contains("at least 2"))
        #expect(!StatisticsError.noRoot(reason: "x").description.isEmpty)
    }

    @Test("Pearson correlation matches numpy.corrcoef and rejects undefined cases")
    func pearsonCorrelation() throws {
        // numpy 2.x np.corrcoef(x, y)[0, 1], printed with repr.
        let a = try PortfolioStatistics.correlation([1, 2, 3, 4, 5.5], [2, 4, 5, 9, 8.25])
        #expect(abs(a - 0.9170295296747334) <= 1e-15)
        let b = try PortfolioStatistics.correlation([0.01, -0.02, 0.03, 0.015, -0.01, 0.0], [0.012, -0.018, 0.025, 0.02, -0.015, 0.001])
        #expect(abs(b - 0.9740410276885076) <= 1e-15)
        #expect(abs(try PortfolioStatistics.correlation([1, 2, 3], [3, 2, 1]) + 1) <= 1e-15)
        #expect(throws: StatisticsError.self) { try PortfolioStatistics.correlation([1, 2], [1]) }
        #expect(throws: StatisticsError.self) { try PortfolioStatistics.correlation([1, 1, 1], [1, 2, 3]) }
        #expect(throws: StatisticsError.self) { try PortfolioStatistics.correlation([1, .nan], [1, 2]) }
        #expect(throws: StatisticsError.self) { try PortfolioStatistics.correlation([1], [1]) }
    }

    /// Expected shortfall by hand: level 0.6 over five returns keeps the ⌈0.4·5⌉ = 2 worst.
    @Test("CVaR: the mean of the worst ⌈(1 − level)·n⌉ returns, as a loss")
    func conditionalValueAtRisk() throws {
        let cvar = try PortfolioStatistics.conditionalValueAtRisk(returns: [0.01, -0.02, 0.03, -0.04, 0.0], level: 0.6)
        #expect(abs(cvar - 0.03) < 1e-15)
        // 100 returns at 95%: exactly the 5 worst (1 − 0.95 is a hair above 0.05 in binary). The
        // five multiples of 17 give −0.008 each; a sixth tail day would add a −0.007.
        let returns = (1...100).map { Double($0 % 17 - 8) / 1000 }
        #expect(abs(try PortfolioStatistics.conditionalValueAtRisk(returns: returns) - 0.008) < 1e-15)
        #expect(abs(try PortfolioStatistics.conditionalValueAtRisk(returns: [-0.02]) - 0.02) < 1e-15)
        #expect(throws: StatisticsError.self) { try PortfolioStatistics.conditionalValueAtRisk(returns: []) }
        #expect(throws: StatisticsError.self) { try PortfolioStatistics.conditionalValueAtRisk(returns: [0.01, .nan]) }
        #expect(throws: StatisticsError.self) { try PortfolioStatistics.conditionalValueAtRisk(returns: [0.01], level: 1) }
    }
}
