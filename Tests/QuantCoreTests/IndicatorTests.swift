import Foundation
import Testing
@testable import QuantCore

// Reference files Resources/talib_{vix,sp500}.csv were produced with the Python
// `ta-lib` 0.8.2 wrapper (TA-Lib C 0.8.1): talib.MACD(v, 12, 26, 9), talib.RSI(v, 14),
// talib.EMA(v, 20), values written with repr(float); empty cells = NaN (warm-up).
//
// Tolerance for TA-Lib comparisons: |actual − expected| <= 1e-12 · max(1, |expected|),
// far tighter than the issue's 1e-9 yet above the rounding the arithmetic allows: MACD/EMA
// follow TA-Lib's operation order; RSI's Wilder step multiplies by reciprocals instead of
// dividing (see RSI.swift). Observed max |Δ| is ~6e-14 (RSI, values near 50) and <= 4e-15
// (MACD, EMA).

private let taLibTolerance = 1e-12

private func closeToTaLib(_ actual: Double, _ expected: Double) -> Bool {
    Swift.abs(actual - expected) <= taLibTolerance * Swift.max(1, Swift.abs(expected))
}

private func close(_ a: Double?, _ b: Double, tol: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return Swift.abs(a - b) <= tol * Swift.max(1, Swift.abs(b))
}

private struct TaLibReference {
    var values: [Double] = []
    var macd: [Double?] = []
    var signal: [Double?] = []
    var hist: [Double?] = []
    var rsi14: [Double?] = []
    var ema20: [Double?] = []

    static func load(_ name: String) throws -> TaLibReference {
        // `.copy("Resources")` puts the folder inside the bundle; the bundle layout
        // differs slightly between platforms, so try the plausible locations.
        let candidates: [URL?] = [
            Bundle.module.resourceURL?.appendingPathComponent("Resources/\(name)"),
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources"),
            Bundle.module.resourceURL?.appendingPathComponent(name),
        ]
        let url = try #require(candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.path) },
                               "\(name) not found in Bundle.module")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(header == ["date", "value", "macd", "macd_signal", "macd_hist", "rsi14", "ema20"])
        var ref = TaLibReference()
        func cell(_ s: Substring) throws -> Double? {
            if s.isEmpty { return nil }
            let v: Double = try #require(Double(s), "bad number \(s)")
            return v
        }
        for line in lines {
            let c = line.split(separator: ",", omittingEmptySubsequences: false)
            try #require(c.count == 7, "bad row \(line)")
            ref.values.append(try #require(try cell(c[1])))
            ref.macd.append(try cell(c[2]))
            ref.signal.append(try cell(c[3]))
            ref.hist.append(try cell(c[4]))
            ref.rsi14.append(try cell(c[5]))
            ref.ema20.append(try cell(c[6]))
        }
        return ref
    }
}

/// Checks same warm-up blanks (nil exactly where TA-Lib has NaN) and values within tolerance.
private func expectMatches(_ actual: [Double?], _ expected: [Double?], _ what: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(what): length", sourceLocation: sourceLocation)
    var maxAbs = 0.0
    var failures = 0
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        switch (a, e) {
        case (nil, nil): continue
        case let (a?, e?):
            maxAbs = Swift.max(maxAbs, Swift.abs(a - e))
            if !closeToTaLib(a, e) {
                failures += 1
                if failures <= 5 {
                    Issue.record("\(what)[\(i)] = \(a), TA-Lib \(e)", sourceLocation: sourceLocation)
                }
            }
        default:
            failures += 1
            if failures <= 5 {
                Issue.record("\(what)[\(i)] blank mismatch: ours \(String(describing: a)), TA-Lib \(String(describing: e))",
                             sourceLocation: sourceLocation)
            }
        }
    }
    #expect(failures == 0, "\(what): \(failures) mismatches, max |Δ| = \(maxAbs)", sourceLocation: sourceLocation)
}

@Suite("Technical indicators")
struct IndicatorTests {
    // MARK: TA-Lib reference series

    @Test("Batch MACD/RSI/EMA equal TA-Lib", arguments: ["talib_vix.csv", "talib_sp500.csv"])
    func batchMatchesTaLib(file: String) throws {
        let ref = try TaLibReference.load(file)
        #expect(ref.values.count > 1000)
        let macd = try Indicators.macd(ref.values)
        expectMatches(macd.macd, ref.macd, "\(file) macd")
        expectMatches(macd.signal, ref.signal, "\(file) macd_signal")
        expectMatches(macd.histogram, ref.hist, "\(file) macd_hist")
        expectMatches(try Indicators.rsi(ref.values, period: 14), ref.rsi14, "\(file) rsi14")
        expectMatches(try Indicators.ema(ref.values, period: 20), ref.ema20, "\(file) ema20")
        // TA-Lib's warm-up: first MACD (all three) at 33, RSI at 14, EMA(20) at 19.
        #expect(ref.macd.firstIndex { $0 != nil } == 33)
        #expect(ref.signal.firstIndex { $0 != nil } == 33)
        #expect(ref.rsi14.firstIndex { $0 != nil } == 14)
        #expect(ref.ema20.firstIndex { $0 != nil } == 19)
    }

    @Test("Streaming MACD/RSI/EMA equal TA-Lib", arguments: ["talib_vix.csv", "talib_sp500.csv"])
    func streamingMatchesTaLib(file: String) throws {
        let ref = try TaLibReference.load(file)
        var macd = MACD(fastPeriod: 12, slowPeriod: 26, signalPeriod: 9)
        var rsi = RSI(period: 14)
        var ema = EMA(period: 20)
        var m: [Double?] = [], s: [Double?] = [], h: [Double?] = [], r: [Double?] = [], e: [Double?] = []
        for (i, x) in ref.values.enumerated() {
            let o = macd.update(x)
            m.append(o?.macd); s.append(o?.signal); h.append(o?.histogram)
            r.append(rsi.update(x))
            e.append(ema.update(x))
            #expect(macd.isReady == (i >= macd.lookback))
            #expect(rsi.isReady == (i >= rsi.lookback))
            #expect(ema.isReady == (i >= ema.lookback))
        }
        expectMatches(m, ref.macd, "\(file) streaming macd")
        expectMatches(s, ref.signal, "\(file) streaming macd_signal")
        expectMatches(h, ref.hist, "\(file) streaming macd_hist")
        expectMatches(r, ref.rsi14, "\(file) streaming rsi14")
        expectMatches(e, ref.ema20, "\(file) streaming ema20")
    }

    // MARK: Hand-checkable cases

    @Test func smaBasic() throws {
        let out = try Indicators.sma([1, 2, 3, 4, 5], period: 3)
        #expect(out == [nil, nil, 2, 3, 4])
        #expect(SMA(period: 3).lookback == 2)
        #expect(try Indicators.sma([7], period: 1) == [7])
        // A huge value entering and leaving the window leaves no residue.
        let s = try Indicators.sma([1, 1e17, 1, 1, 1], period: 2)
        #expect(s[4] == 1)
    }

    @Test func emaBasic() throws {
        // k = 2/(3+1) = 0.5; seed = SMA(2,4,6) = 4; then (8−4)·0.5+4 = 6; (4−6)·0.5+6 = 5.
        #expect(try Indicators.ema([2, 4, 6, 8, 4], period: 3) == [nil, nil, 4, 6, 5])
        var e = EMA(period: 3)
        #expect(e.k == 0.5)
        #expect(e.current == nil)
        _ = e.update(2); _ = e.update(4)
        #expect(!e.isReady)
        let third = e.update(6)
        #expect(third == 4)
        #expect(e.current == 4)
    }

    @Test func macdWarmUpAndAlignment() throws {
        let xs = (0..<40).map { 100 + sin(Double($0)) * 5 + Double($0) * 0.3 }
        let out = try Indicators.macd(xs)
        #expect(MACD().lookback == 33)
        #expect(out.macd.firstIndex { $0 != nil } == 33)
        #expect(out.signal.firstIndex { $0 != nil } == 33)
        #expect(out.histogram.firstIndex { $0 != nil } == 33)
        // Hand computation of TA-Lib's seeding: fast EMA seeded with mean(x[14...25]),
        // slow with mean(x[0...25]); signal seeded with the mean of MACD at 25...33.
        func emaFrom(_ seedRange: ClosedRange<Int>, to last: Int, period: Int) -> [Int: Double] {
            let k = 2.0 / Double(period + 1)
            var v = seedRange.map { xs[$0] }.reduce(0, +) / Double(period)
            var out = [seedRange.upperBound: v]
            for i in (seedRange.upperBound + 1)...last { v = (xs[i] - v) * k + v; out[i] = v }
            return out
        }
        let fast = emaFrom(14...25, to: 39, period: 12)
        let slow = emaFrom(0...25, to: 39, period: 26)
        let line = (25...39).map { fast[$0]! - slow[$0]! }
        var sig = line[0..<9].reduce(0, +) / 9
        #expect(close(out.macd[33], line[8]))
        #expect(close(out.signal[33], sig))
        for i in 34...39 {
            sig = (line[i - 25] - sig) * 0.2 + sig
            #expect(close(out.macd[i], line[i - 25]))
            #expect(close(out.signal[i], sig))
            #expect(close(out.histogram[i], line[i - 25] - sig))
        }
        // Periods are swapped like TA-Lib when slow < fast.
        #expect(try Indicators.macd(xs, fastPeriod: 26, slowPeriod: 12) == out)
    }

    @Test func rsiHandComputed() throws {
        // Period 2: diffs +1, +1, −2, +1.
        // seed at index 2: avgGain = 1, avgLoss = 0 → 100.
        // index 3: gain (1·1+0)/2 = 0.5, loss (0·1+2)/2 = 1 → 100·0.5/1.5.
        // index 4: gain (0.5+1)/2 = 0.75, loss 1/2 = 0.5 → 100·0.75/1.25 = 60.
        let out = try Indicators.rsi([1, 2, 3, 1, 2], period: 2)
        #expect(out[0] == nil && out[1] == nil)
        #expect(close(out[2], 100))
        #expect(close(out[3], 100.0 / 3.0))
        #expect(close(out[4], 60))
    }

    @Test func rsiFlatSeriesIsZeroLikeTaLib() throws {
        // avgGain + avgLoss == 0 → TA-Lib outputs 0 (not NaN, not 50).
        let flat = try Indicators.rsi([Double](repeating: 5, count: 20), period: 14)
        #expect(flat.prefix(14).allSatisfy { $0 == nil })
        #expect(flat.suffix(6).allSatisfy { $0 == 0 })
        let rising = try Indicators.rsi((0..<20).map(Double.init), period: 14)
        #expect(rising.suffix(6).allSatisfy { $0 == 100 })
    }

    @Test func zScoreHandComputed() throws {
        let out = try Indicators.zScore([1, 2, 3, 4, 10], period: 3)
        #expect(out[0] == nil && out[1] == nil)
        // Window {1,2,3}: mean 2, population σ = sqrt(2/3) → z = 1/sqrt(2/3).
        #expect(close(out[2], 1 / (2.0 / 3.0).squareRoot()))
        #expect(close(out[3], 1 / (2.0 / 3.0).squareRoot()))
        // Window {3,4,10}: mean 17/3, Σd² = 258/9, σ = sqrt(258/27), z = (13/3)/σ.
        #expect(close(out[4], (13.0 / 3.0) / (258.0 / 27.0).squareRoot()))
        // Constant window → 0, never NaN.
        let flat = try Indicators.zScore([0.1, 0.1, 0.1, 0.1], period: 3)
        #expect(flat == [nil, nil, 0, 0])
    }

    @Test func realizedVolatilityHandComputed() throws {
        let prices = [100.0, 110, 99, 99]
        let out = try Indicators.realizedVolatility(prices, period: 2)
        #expect(out[0] == nil && out[1] == nil)
        let r1 = log(110.0 / 100), r2 = log(99.0 / 110), r3 = 0.0
        // Sample σ of two values a, b is |a − b| / sqrt(2); annualised by sqrt(252).
        #expect(close(out[2], Swift.abs(r1 - r2) / 2.0.squareRoot() * 252.0.squareRoot()))
        #expect(close(out[3], Swift.abs(r2 - r3) / 2.0.squareRoot() * 252.0.squareRoot()))
        // Three returns, custom annualisation: σ = sqrt(Σ(r − r̄)² / 2).
        let v3 = try Indicators.realizedVolatility(prices, period: 3, periodsPerYear: 52)
        let mean = (r1 + r2 + r3) / 3
        let sd = (((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean) + (r3 - mean) * (r3 - mean)) / 2).squareRoot()
        #expect(v3[0...2].allSatisfy { $0 == nil })
        #expect(close(v3[3], sd * 52.0.squareRoot()))
        // Flat prices → exactly 0.
        #expect(try Indicators.realizedVolatility([5, 5, 5, 5], period: 2) == [nil, nil, 0, 0])
        #expect(RealizedVolatility(period: 20).lookback == 20)
    }

    // MARK: Non-finite input

    @Test func batchThrowsNamingTheIndex() {
        #expect(throws: IndicatorError.nonFiniteInput(index: 3)) {
            try Indicators.sma([1, 2, 3, .nan, 5], period: 2)
        }
        #expect(throws: IndicatorError.nonFiniteInput(index: 0)) { try Indicators.ema([.infinity], period: 2) }
        #expect(throws: IndicatorError.nonFiniteInput(index: 1)) { try Indicators.macd([1, -.infinity]) }
        #expect(throws: IndicatorError.nonFiniteInput(index: 2)) { try Indicators.rsi([1, 2, .nan]) }
        #expect(throws: IndicatorError.nonFiniteInput(index: 1)) { try Indicators.zScore([1, .nan], period: 2) }
        #expect(throws: IndicatorError.outOfDomainInput(index: 2)) {
            try Indicators.realizedVolatility([1, 2, 0, 3], period: 2)
        }
        #expect(throws: IndicatorError.nonFiniteInput(index: 1)) {
            try Indicators.realizedVolatility([1, .nan, 3], period: 2)
        }
    }

    @Test func streamingIgnoresNonFiniteInput() {
        let xs = (0..<60).map { 50 + 10 * sin(Double($0) / 3) }
        var clean = (MACD(), RSI(), EMA(period: 5), SMA(period: 5), ZScore(period: 5), RealizedVolatility(period: 5))
        var dirty = clean
        for (i, x) in xs.enumerated() {
            if i % 4 == 1 {
                for bad in [Double.nan, .infinity, -.infinity] {
                    let outs: [Bool] = [
                        dirty.0.update(bad) == nil, dirty.1.update(bad) == nil, dirty.2.update(bad) == nil,
                        dirty.3.update(bad) == nil, dirty.4.update(bad) == nil, dirty.5.update(bad) == nil,
                    ]
                    #expect(outs.allSatisfy { $0 })
                }
                let negative = dirty.5.update(-1)  // out of domain for realised vol
                #expect(negative == nil)
                #expect(!dirty.5.accepts(0) && !dirty.0.accepts(.nan) && dirty.0.accepts(1))
            }
            let c0 = clean.0.update(x), d0 = dirty.0.update(x)
            let c1 = clean.1.update(x), d1 = dirty.1.update(x)
            let c2 = clean.2.update(x), d2 = dirty.2.update(x)
            let c3 = clean.3.update(x), d3 = dirty.3.update(x)
            let c4 = clean.4.update(x), d4 = dirty.4.update(x)
            let c5 = clean.5.update(x), d5 = dirty.5.update(x)
            #expect(c0 == d0)
            #expect(c1 == d1)
            #expect(c2 == d2)
            #expect(c3 == d3)
            #expect(c4 == d4)
            #expect(c5 == d5)
        }
        #expect(dirty.0.isReady && dirty.5.isReady)
    }

    @Test func resetAndValueSemantics() throws {
        let xs = (0..<50).map { 20 + cos(Double($0)) }
        var a = ZScore(period: 4)
        for x in xs.prefix(10) { _ = a.update(x) }
        var b = a  // copy: independent state
        _ = a.update(100)
        let za = a.update(1), zb = b.update(1)
        #expect(za != zb)
        var m = MACD()
        var first: [MACDValue?] = []
        for x in xs { first.append(m.update(x)) }
        m.reset()
        #expect(!m.isReady)
        var again: [MACDValue?] = []
        for x in xs { again.append(m.update(x)) }
        #expect(again == first)
        #expect(try MACD().batch(xs) == first)
    }
}
