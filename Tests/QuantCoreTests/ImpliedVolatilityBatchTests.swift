import PropertyBased
import Testing
@testable import QuantCore

/// The implied-volatility batch (`ImpliedVolatility.blackScholesMerton(_:spot:rate:
/// dividendYield:into:)`: four options at a time in `ImpliedVolatilityLanes`, the rest on the
/// scalar call) against the true volatility, the scalar call and 50-digit references.
/// Well-posed as in `ImpliedVolatilityTests`: the price a normal double and its condition
/// |V/(σ·vega)| below 1000, where the issue's 1e-12 applies; elsewhere the answer must reprice
/// the input, and an error must be the scalar call's.
@Suite struct ImpliedVolatilityBatchTests {
    typealias Outcome = Swift.Result<ImpliedVolatility.Result, ImpliedVolatilityError>
    static let tolerance = 1e-12

    struct Book {
        var spot, rate, dividendYield: Double
        var types: [OptionType]
        var strikes, times, volatilities, prices: [Double]

        func quotes() throws -> ImpliedVolatilityQuotes {
            try ImpliedVolatilityQuotes(types: types, prices: prices, strikes: strikes, times: times)
        }

        func scalar(_ index: Int) -> Outcome {
            Outcome { () throws(ImpliedVolatilityError) -> ImpliedVolatility.Result in
                try ImpliedVolatility.blackScholesMerton(
                    types[index], price: prices[index], spot: spot, strike: strikes[index], time: times[index], rate: rate,
                    dividendYield: dividendYield)
            }
        }

        func batch() throws -> [Outcome] {
            var results: [Outcome] = []
            ImpliedVolatility.blackScholesMerton(try quotes(), spot: spot, rate: rate, dividendYield: dividendYield, into: &results)
            return results
        }

        /// The kernel's own answer for each option, in the batch's groups of four: nil where it
        /// declines (the tail never enters the lanes).
        func kernel() -> [ImpliedVolatility.Result?] {
            var answers: [ImpliedVolatility.Result?] = []
            var first = 0
            while first + 4 <= types.count {
                let group = first..<first + 4
                let lanes = ImpliedVolatilityLanes(
                    spot: spot, rate: rate, dividendYield: dividendYield, sign: Lanes(types[group].map(\.sign)),
                    price: Lanes(prices[group]), strike: Lanes(strikes[group]), time: Lanes(times[group]))
                answers += (0..<4).map { lane in
                    lanes.accepted[lane] > 0
                        ? ImpliedVolatility.Result(volatility: lanes.volatility[lane], iterations: Int(lanes.iterations[lane])) : nil
                }
                first += 4
            }
            return answers + Array(repeating: nil, count: types.count - first)
        }

        /// Whether the kernel itself solves each option.
        func acceptedMask() -> [Bool] { kernel().map { $0 != nil } }

        func acceptedLanes() -> Int { acceptedMask().filter { $0 }.count }

        func wellPosed(_ index: Int) -> Bool {
            let v = BlackScholesMerton.uncheckedValue(
                types[index], spot: spot, strike: strikes[index], time: times[index], rate: rate, dividendYield: dividendYield,
                volatility: volatilities[index])
            return v.price >= 1e-300 && abs(v.price / (volatilities[index] * v.vega)) < 1000
        }

        /// The batch against the scalar call and the true volatility, option by option; the
        /// worst relative differences (against the scalar call, against σ) where well-posed.
        /// Iteration counts must match unless `sameIterations` is false (at a branch point).
        func compare(worst: inout (scalar: Double, truth: Double), sameIterations: Bool = true) throws {
            let results = try batch()
            #expect(results.count == types.count)
            // The batch returns the kernel's own answer wherever the kernel accepts (bit
            // patterns: the same computation, not a float comparison).
            for (index, answer) in kernel().enumerated() {
                guard let answer else { continue }
                let got = try results[index].get()
                #expect(got.volatility.bitPattern == answer.volatility.bitPattern && got.iterations == answer.iterations, "option \(index)")
            }
            for index in types.indices {
                switch (results[index], scalar(index)) {
                case (.success(let got), .success(let expected)):
                    #expect(!sameIterations || got.iterations == expected.iterations, "iterations of option \(index) in \(self)")
                    if wellPosed(index) {
                        let (againstScalar, againstTruth) =
                            (relativeError(got.volatility, expected.volatility), relativeError(got.volatility, volatilities[index]))
                        worst = (max(worst.scalar, againstScalar), max(worst.truth, againstTruth))
                        #expect(againstTruth <= ImpliedVolatilityBatchTests.tolerance, "option \(index) in \(self)")
                        #expect(againstScalar <= ImpliedVolatilityBatchTests.tolerance, "option \(index) in \(self)")
                    } else {
                        let repriced = BlackScholesMerton.uncheckedPrice(
                            types[index], spot: spot, strike: strikes[index], time: times[index], rate: rate,
                            dividendYield: dividendYield, volatility: got.volatility)
                        let price = prices[index]
                        #expect(abs(repriced - price) <= 1e-12 * price + 4 * price.ulp, "option \(index) in \(self)")
                    }
                case (.failure(let got), .failure(let expected)):
                    #expect(got == expected, "option \(index) in \(self)")
                case (let got, let expected):
                    Issue.record("option \(index): batch \(got), scalar \(expected) in \(self)")
                }
            }
        }
    }

    static func book(
        spot: Double, rate: Double, dividendYield: Double, _ options: [(type: OptionType, strike: Double, time: Double, volatility: Double)]
    ) -> Book {
        Book(
            spot: spot, rate: rate, dividendYield: dividendYield, types: options.map(\.type), strikes: options.map(\.strike),
            times: options.map(\.time), volatilities: options.map(\.volatility),
            prices: options.map {
                BlackScholesMerton.uncheckedPrice(
                    $0.type, spot: spot, strike: $0.strike, time: $0.time, rate: rate, dividendYield: dividendYield, volatility: $0.volatility)
            })
    }

    /// The round-trip grid of `ImpliedVolatilityTests` (ln(K/F) in [-3, 3], T from a day to 3
    /// years, σ from 1% to 300%, calls and puts) as one batch of 10,584 options.
    @Test func gridMatchesTheScalarCallAndTheTruth() throws {
        var options: [(type: OptionType, strike: Double, time: Double, volatility: Double)] = []
        let (spot, rate, dividend) = (2700.0, 0.025, 0.018)
        for k in ImpliedVolatilityTests.logMoneyness {
            for time in ImpliedVolatilityTests.times {
                for sigma in ImpliedVolatilityTests.vols {
                    for type in OptionType.allCases {
                        options.append((type, spot * exp((rate - dividend) * time) * exp(k), time, sigma))
                    }
                }
            }
        }
        let book = Self.book(spot: spot, rate: rate, dividendYield: dividend, options)
        var worst = (scalar: 0.0, truth: 0.0)
        try book.compare(worst: &worst)
        // Not vacuous: the lanes solve a good share of the grid themselves (38% measured; the
        // rest is mostly the upper half, which the kernel leaves to the scalar call).
        let accepted = book.acceptedLanes()
        #expect(Double(accepted) > 0.36 * Double(options.count))
        print("IV batch on the grid: \(accepted) of \(options.count) in lanes; worst against the scalar call \(worst.scalar), against σ \(worst.truth)")
    }

    /// A book shaped like the benchmark's (spot 2,700, strikes 2,000-3,500, 7-120 days, σ
    /// 10-40%, calls and puts alternating; seeded), where nearly every option is in the lanes.
    @Test func benchmarkShapedBookMatches() throws {
        try seededProperty(count: 1, seed: 4_096, Gen.double(in: 0..<1).array(of: 3 * 1_024)) { u in
            let options = (0..<1_024).map { index -> (type: OptionType, strike: Double, time: Double, volatility: Double) in
                (index % 2 == 0 ? .call : .put, 2000 + 1500 * u[3 * index], (7 + 113 * u[3 * index + 1]) / 365, 0.1 + 0.3 * u[3 * index + 2])
            }
            let book = Self.book(spot: 2700, rate: 0.02, dividendYield: 0.018, options)
            var worst = (scalar: 0.0, truth: 0.0)
            try book.compare(worst: &worst)
            #expect(book.acceptedLanes() > 950)
            print("IV batch on a benchmark-shaped book: \(book.acceptedLanes()) of 1024 in lanes; worst \(worst)")
        }
    }

    /// Random books (seeded): spot 10-5,000, rates and yields -1% to 8%, strikes e^{±1.5} of
    /// the spot, a day to 3 years, σ 5-150%, 1 to 40 options (every tail length).
    @Test func randomBooksMatch() throws {
        let generator = Gen.double(in: 0..<1).array(of: 164)
        var worst = (scalar: 0.0, truth: 0.0)
        var accepted = 0
        var total = 0
        try seededProperty(count: 400, seed: 20_261_202, generator) { u in
            let count = 1 + Int(u[0] * 40)
            let spot = 10 + 4_990 * u[1]
            let options = (0..<count).map { index -> (type: OptionType, strike: Double, time: Double, volatility: Double) in
                (
                    u[4 + index] < 0.5 ? .call : .put, spot * exp(-1.5 + 3 * u[44 + index]), (1 + 1_094 * u[84 + index]) / 365,
                    0.05 + 1.45 * u[124 + index] * u[124 + index]
                )
            }
            let book = Self.book(spot: spot, rate: -0.01 + 0.09 * u[2], dividendYield: -0.01 + 0.09 * u[3], options)
            try book.compare(worst: &worst)
            accepted += book.acceptedLanes()
            total += count
        }
        #expect(Double(accepted) > 0.6 * Double(total))
        print("IV batch on random books: \(accepted) of \(total) in lanes; worst \(worst)")
    }

    /// The 50-digit BSM fixture: each well-posed row's price inverted in a batch of five (the
    /// row in lanes 0 and 2 and in the tail, other strikes and expiries between them).
    @Test func batchRecoversMpmathVolatilities() throws {
        let (_, rows) = try Fixtures.csv("bsm_reference.csv")
        var checked = 0
        var inLanes = 0
        for row in rows {
            let v = try row.enumerated().map { $0.offset == 6 ? 0 : try #require(Double($0.element)) }
            let type = try #require(OptionType(rawValue: row[6]))
            let (price, sigma, vega) = (v[7], v[5], v[10])
            guard price >= 1e-300, abs(price / (sigma * vega)) < 1000 else { continue }
            let neighbours = [(1.1 * v[1], 0.9 * v[2]), (0.9 * v[1], 1.1 * v[2])].map { strike, time in
                BlackScholesMerton.uncheckedPrice(type, spot: v[0], strike: strike, time: time, rate: v[3], dividendYield: v[4], volatility: sigma)
            }
            let quotes = try ImpliedVolatilityQuotes(
                types: Array(repeating: type, count: 5), prices: [price, neighbours[0], price, neighbours[1], price],
                strikes: [v[1], 1.1 * v[1], v[1], 0.9 * v[1], v[1]], times: [v[2], 0.9 * v[2], v[2], 1.1 * v[2], v[2]])
            var results: [Outcome] = []
            ImpliedVolatility.blackScholesMerton(quotes, spot: v[0], rate: v[3], dividendYield: v[4], into: &results)
            let lanes = ImpliedVolatilityLanes(
                spot: v[0], rate: v[3], dividendYield: v[4], sign: Lanes(repeating: type.sign), price: Lanes(Array(quotes.prices[0..<4])),
                strike: Lanes(Array(quotes.strikes[0..<4])), time: Lanes(Array(quotes.times[0..<4])))
            if lanes.accepted[0] > 0 { inLanes += 1 }
            for index in [0, 2, 4] {
                let solved = try results[index].get()
                #expect(relativeError(solved.volatility, sigma) <= Self.tolerance, "lane \(index) of \(row.joined(separator: ","))")
            }
            checked += 1
        }
        #expect(checked > 500)
        #expect(inLanes > 400)  // 462 measured
        print("IV batch on the BSM fixture: \(checked) rows, \(inLanes) in lanes")
    }

    /// Each reason the kernel declines a lane, one lane each, beside a lane just on the
    /// accepted side (r = q, so x = ln(S/K)):
    /// - the upper half, β ≥ b_c (σ√T = 1.5 at K = 2,800), against σ√T = 0.2;
    /// - x = 0, against K 5% above the spot with σ√T = 0.1 (the lower middle branch: s_c is
    ///   0.31 there, where σ√T = 0.2 at 1% above would be in the upper half);
    /// - an in-the-money time value of 32 ε of the intrinsic value, against 128 ε;
    /// - the terms cancelling beyond 255/256 (x = -1, σ√T = 0.05: h = -20, ratio 0.9975),
    ///   against σ√T = 0.07 (ratio about 0.995);
    /// - a Mills-ratio argument t - h beyond 37 in the iteration (x = -20, σ√T = 0.54: 37.3),
    ///   against σ√T = 0.6 (33.6);
    /// - a third Householder step (the lowest branch at x = -22.5, σ√T = 4.5, which the scalar
    ///   call solves in three), against x = -20.
    /// The declined lanes' results are the scalar call's own: the same bits, since they are
    /// computed by it.
    @Test func eachDeclineReasonDeclinesItsLane() throws {
        let spot = 2_700.0
        func normalised(_ type: OptionType, strike: Double, time: Double, timeValueOfIntrinsic: Double) -> Double {
            // A price whose normalised time value is the given share of the normalised
            // intrinsic value 2·sinh(|x|/2) (r = q = 0.02).
            let x = log(spot / strike)
            let intrinsic = 2 * sinh(0.5 * abs(x))
            return (intrinsic * (1 + timeValueOfIntrinsic)) * exp(-0.02 * time) * (spot * strike).squareRoot()
        }
        let declined: [(type: OptionType, strike: Double, time: Double, volatility: Double)] = [
            (.call, 2_800, 1, 1.5), (.put, spot, 1, 0.2), (.call, 2_000, 0.5, 0.2), (.call, spot * exp(1.0), 0.25, 0.1),
            (.call, spot * exp(20.0), 1, 0.54), (.call, spot * exp(22.5), 1, 4.5),
        ]
        let accepted: [(type: OptionType, strike: Double, time: Double, volatility: Double)] = [
            (.call, 2_800, 1, 0.2), (.call, 1.05 * spot, 1, 0.1), (.call, 2_000, 0.5, 0.2), (.call, spot * exp(1.0), 1, 0.07),
            (.call, spot * exp(20.0), 1, 0.6), (.call, spot * exp(20.0), 1, 4.5),
        ]
        func book(_ options: [(type: OptionType, strike: Double, time: Double, volatility: Double)], timeValue: Double) -> Book {
            var book = Self.book(spot: spot, rate: 0.02, dividendYield: 0.02, options + options.prefix(2))
            book.prices[2] = normalised(.call, strike: 2_000, time: 0.5, timeValueOfIntrinsic: timeValue)
            return book
        }
        let declining = book(declined, timeValue: 32 * Double.ulpOfOne)
        let accepting = book(accepted, timeValue: 128 * Double.ulpOfOne)
        for (index, (no, yes)) in zip(declining.acceptedMask(), accepting.acceptedMask()).prefix(6).enumerated() {
            #expect(!no, "reason \(index) was accepted")
            #expect(yes, "control \(index) was declined")
        }
        #expect(try declining.scalar(5).get().iterations == 3)
        let results = try declining.batch()
        for index in declined.indices {
            // Bit patterns, not float ==: a declined lane is the scalar call's own computation.
            switch (results[index], declining.scalar(index)) {
            case (.success(let got), .success(let expected)):
                #expect(got.volatility.bitPattern == expected.volatility.bitPattern && got.iterations == expected.iterations)
            case (.failure(let got), .failure(let expected)):
                #expect(got == expected)
            case (let got, let expected):
                Issue.record("option \(index): batch \(got), scalar \(expected)")
            }
        }
        // The controls with their own prices: solved, and matching.
        var worst = (scalar: 0.0, truth: 0.0)
        try Self.book(spot: spot, rate: 0.02, dividendYield: 0.02, accepted + accepted.prefix(2)).compare(worst: &worst)
    }

    /// Prices at the branch points, where the lanes and the scalar call, rounding a few ulp
    /// apart, may choose different branches or stop a step apart: σ√T at s_l (β = b_l, the
    /// lowest branch against the lower middle one) and at s_c (β = b_c, the lanes' upper
    /// limit), and 1e-13 to 3e-13 either side, for x from -0.02 to -8. Each must still solve
    /// within 1e-12 of σ, or give the scalar call's error.
    @Test func branchPointsStillSolve() throws {
        var options: [(type: OptionType, strike: Double, time: Double, volatility: Double)] = []
        let spot = 2_700.0
        for x in [-0.02, -0.3, -2.0, -8.0] {
            let sC = (-2 * x).squareRoot()
            let sL = sC - NormalisedImpliedVolatility.sqrtHalfPi * (1 - erfcx((-x).squareRoot()))
            for base in [sL, sC] {
                for k in -3...3 { options.append((.call, spot * exp(-x), 1, base * (1 + Double(k) * 1e-13))) }
            }
        }
        let book = Self.book(spot: spot, rate: 0.02, dividendYield: 0.02, options)
        var worst = (scalar: 0.0, truth: 0.0)
        try book.compare(worst: &worst, sameIterations: false)
        // The s_l side is the lanes' own: most of its options are solved in lanes.
        #expect(book.acceptedLanes() >= 20)
        print("IV batch at the branch points: \(book.acceptedLanes()) of \(options.count) in lanes; worst \(worst)")
    }

    /// Prices where the normalised Black function's terms nearly cancel, against 50 digits
    /// (`legs_cancellation_reference.csv`, the BSM rows that are well-posed): the lanes
    /// subtract the terms up to 255/256 where the scalar call takes its series beyond 15/16.
    /// Each row is solved in the first lane of a group of four (neighbours at other strikes).
    @Test func nearlyCancellingTermsMatchMpmath() throws {
        var inBand = 0
        var checked = 0
        var worst = (all: 0.0, inLanes: 0.0)
        for row in try LegsCancellationReferenceTests.rows() where row.model == "bsm" {
            let options = [1.0, 1.05, 0.95, 1.1].map { factor in
                (type: row.type, strike: row.strike * factor, time: row.time, volatility: row.volatility)
            }
            var book = Self.book(spot: row.spot, rate: row.rate, dividendYield: row.dividendYield, options)
            book.prices[0] = row.price
            guard book.wellPosed(0) else { continue }
            let solved = try book.batch()[0].get()
            let error = relativeError(solved.volatility, row.volatility)
            worst.all = max(worst.all, error)
            #expect(error <= Self.tolerance, "row \(row)")
            if book.acceptedMask()[0] {
                worst.inLanes = max(worst.inLanes, error)
                // Between 15/16 and 255/256 the lanes subtract where the scalar call's series runs.
                if LegsCancellationReferenceTests.Region(u: row.u) == .theMovedBand { inBand += 1 }
            }
            checked += 1
        }
        #expect(checked > 100)
        #expect(inBand > 30)  // 43 measured
        print("IV batch on the cancellation fixture: \(checked) rows, \(inBand) in lanes between the bounds, worst \(worst)")
    }

    /// Bad entries anywhere in a batch (in a group of four and in the tail) get the scalar
    /// call's own errors, and the good ones around them their volatilities.
    @Test func badEntriesGetTheScalarCallsErrors() throws {
        let good = BlackScholesMerton.uncheckedPrice(.call, spot: 100, strike: 110, time: 0.5, rate: 0.03, dividendYield: 0.01, volatility: 0.25)
        let quotes = try ImpliedVolatilityQuotes(
            types: [.call, .call, .put, .call, .call, .put, .call, .call, .put],
            prices: [good, good, .nan, good, 0, 200, 5, good, .infinity],
            strikes: [110, 0, 110, 110, 110, 110, 90, 110, 110],
            times: [0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, -1, 0.5])
        var results: [Outcome] = []
        ImpliedVolatility.blackScholesMerton(quotes, spot: 100, rate: 0.03, dividendYield: 0.01, into: &results)
        let expected: [ImpliedVolatilityError?] = [
            nil, .invalidInput(.notPositive(field: "K", value: 0)), .priceNotFinite, .zeroTime, .zeroPrice, .aboveMaximum,
            .belowIntrinsic, .invalidInput(.negative(field: "T", value: -1)), .priceNotFinite,
        ]
        #expect(results.count == expected.count)
        for (index, error) in expected.enumerated() {
            switch results[index] {
            case .success(let solved):
                #expect(error == nil, "entry \(index)")
                #expect(relativeError(solved.volatility, 0.25) <= Self.tolerance)
            case .failure(let got):
                #expect(got == error, "entry \(index)")
            }
        }
        // A bad spot: every entry gets the scalar call's error.
        ImpliedVolatility.blackScholesMerton(quotes, spot: -1, rate: 0.03, dividendYield: 0.01, into: &results)
        #expect(results.count == 9)
        for result in results {
            #expect(throws: ImpliedVolatilityError.invalidInput(.notPositive(field: "S", value: -1))) { try result.get() }
        }
    }

    @Test func columnsOfDifferentLengthsAreRefused() throws {
        #expect(throws: PricingError.mismatchedLengths("types 2, prices 1, strikes 2, times 2")) {
            try ImpliedVolatilityQuotes(types: [.call, .put], prices: [1], strikes: [100, 100], times: [1, 1])
        }
        var results: [Outcome] = [.failure(.zeroTime)]
        ImpliedVolatility.blackScholesMerton(
            try ImpliedVolatilityQuotes(types: [], prices: [], strikes: [], times: []), spot: 100, rate: 0, dividendYield: 0,
            into: &results)
        #expect(results.isEmpty)
    }
}
