import Foundation
import MarketData
import Testing
@testable import VolModels

/// The VVIX calibration's search for the vol-of-vol scale (`VVIXScaleSearch`): the path near
/// the proportional guess finds the root the whole range's search finds, within Brent's
/// tolerance, in fewer evaluations; the clamps and errors are the whole range's.
@Suite struct VVIXScaleSearchTests {
    struct Unpriceable: Error {}

    /// Brent's guarantee: the point returned lies within 1e-7 + 4ε·s of the crossing.
    static func bound(_ s: Double) -> Double { VVIXScaleSearch.tolerance + 4 * Double.ulpOfOne * abs(s) }

    /// Runs the search one way, recording the scales it evaluated in order.
    static func run(
        target: Double, nearGuess: Bool, _ vvix: (Double) throws -> Double
    ) throws(VVIXScaleSearch.Failure) -> (scale: VVIXScale, evaluated: [Double]) {
        var evaluated: [Double] = []
        let scale = try VVIXScaleSearch.scale(target: target, nearGuess: nearGuess) { s in
            evaluated.append(s)
            return try vvix(s)
        }
        return (scale, evaluated)
    }

    /// On real sessions (bundled VVIX 2007-2016 and the fallback target of 2020), both paths
    /// land within twice Brent's bound of each other (each within it of the crossing, a root or
    /// one of the truncation's jumps). The guess path spends fewer evaluations on most sessions
    /// and, in all, at most 85% of the whole range's (measured: 179 against 272, 66%, and fewer on all 25 sessions).
    @Test func theGuessPathFindsTheWholeRangesRootInFewerEvaluations() throws {
        let (_, calendar) = try VIXComplexTests.fixture.get()
        var dates = try VIXComplexTests.sampleDays(count: 24, seed: 0x5CA1E)
        dates.append(MarketDate(year: 2020, month: 3, day: 16)!)
        var (near, whole, fewer) = (0, 0, 0)
        for date in dates {
            let (complex, inputs) = try VIXComplexTests.complex(date)
            let terms = try complex.vvixTerms(calendar: calendar, inputs: inputs)
            let parameters = ChainModelParameters()
            let vvix = { (s: Double) throws -> Double in
                try complex.with(scale: s, parameters: parameters.vixOptions).modelVVIX(terms: terms, inputs: inputs, parameters: parameters)
            }
            let guessed = try Self.run(target: complex.vvixTarget, nearGuess: true, vvix)
            let searched = try Self.run(target: complex.vvixTarget, nearGuess: false, vvix)
            guard case .fitted(let a) = guessed.scale, case .fitted(let b) = searched.scale else {
                Issue.record("\(date): \(guessed.scale) \(searched.scale)")
                continue
            }
            #expect(abs(a - b) <= 2 * Self.bound(b), "\(date): \(a) against \(b)")
            // The calibration returns the guess path's scale: the same search on the same
            // function, so the same bits.
            #expect(a.bitPattern == complex.atmVolatility30d.bitPattern, "\(date)")
            near += guessed.evaluated.count
            whole += searched.evaluated.count
            if guessed.evaluated.count < searched.evaluated.count { fewer += 1 }
        }
        #expect(fewer >= 20, "\(fewer) of \(dates.count) sessions took fewer evaluations")
        #expect(Double(near) <= 0.85 * Double(whole), "evaluations: \(near) near the guess, \(whole) on the whole range")
    }

    /// A smooth VVIX: the two paths agree; the guess path needs a handful of evaluations.
    @Test func aSmoothVVIXIsSolvedNearTheGuess() throws {
        let vvix = { (s: Double) in 103 * s + 4 * s * s }
        for target in [60.0, 95.5, 140, 250] {
            let guessed = try Self.run(target: target, nearGuess: true, vvix)
            let searched = try Self.run(target: target, nearGuess: false, vvix)
            let root = (-103 + (103 * 103 + 16 * target).squareRoot()) / 8
            #expect(abs(guessed.scale.value - root) <= Self.bound(root), "\(target)")
            #expect(abs(searched.scale.value - root) <= Self.bound(root), "\(target)")
            #expect(guessed.evaluated.count <= 6, "\(target): \(guessed.evaluated)")
            #expect(guessed.evaluated.count < searched.evaluated.count, "\(target)")
        }
        // Far from 100 points per unit of s, the rescale still lands on the root at once.
        let steep = try Self.run(target: 200, nearGuess: true) { s in 400 * s }
        #expect(abs(steep.scale.value - 0.5) <= Self.bound(0.5))
        #expect(steep.evaluated.count <= 3, "\(steep.evaluated)")
    }

    /// A target inside a jump of the VVIX (the zero-bid truncation dropping a strike) is met at
    /// the jump by both paths.
    @Test func aTargetInsideAJumpIsMetAtTheJump() throws {
        let vvix = { (s: Double) in 100 * s + (s > 0.9013 ? 0.4 : 0) }
        for nearGuess in [true, false] {
            let found = try Self.run(target: 90.3, nearGuess: nearGuess, vvix).scale
            guard case .fitted(let s) = found else {
                Issue.record("\(found)")
                continue
            }
            #expect(abs(s - 0.9013) <= Self.bound(0.9013), "near the guess: \(nearGuess)")
        }
    }

    /// Where the guess cannot bracket the root (the VVIX not computable there, or the target
    /// beyond either end), the whole range's floor, cap and clamps apply.
    @Test func theWholeRangeDecidesTheClamps() throws {
        // Not computable below s = 0.25: the floor is the first candidate above, 0.3.
        let priced = { (s: Double) throws -> Double in
            guard s >= 0.25 else { throw Unpriceable() }
            return 100 * s
        }
        // The clamps return the range's own constants, so they compare exactly.
        #expect(try Self.run(target: 20, nearGuess: true, priced).scale == .floor(VVIXScaleSearch.floorCandidates[2]))
        #expect(try Self.run(target: 700, nearGuess: true, priced).scale == .cap(VVIXScaleSearch.cap))
        // A guess below the lowest candidate is not tried, even where the VVIX can be computed.
        #expect(try Self.run(target: 5, nearGuess: true) { s in 100 * s }.scale == .floor(VVIXScaleSearch.floorCandidates[0]))
    }

    /// The guess path fits a root below the whole range's floor when the VVIX can be computed
    /// at its own points (the documented difference): VVIX = 90·s + 3, not computable below
    /// 0.25, target 28 (root 0.2778); the whole range clamps at its floor, 0.3.
    @Test func theGuessPathFitsBelowTheWholeRangesFloor() throws {
        let priced = { (s: Double) throws -> Double in
            guard s >= 0.25 else { throw Unpriceable() }
            return 90 * s + 3
        }
        let root = 25.0 / 90
        let guessed = try Self.run(target: 28, nearGuess: true, priced).scale
        guard case .fitted(let s) = guessed else {
            Issue.record("\(guessed)")
            return
        }
        #expect(abs(s - root) <= Self.bound(root))
        #expect(try Self.run(target: 28, nearGuess: false, priced).scale == .floor(VVIXScaleSearch.floorCandidates[2]))
    }

    /// VVIX = 100·s + 2·s², target 95: the guess 0.95 and its rescale 0.93229 bracket the root
    /// 0.932605 without the whole range.
    static func quadratic(_ s: Double) -> Double { 100 * s + 2 * s * s }
    static let quadraticRoot: Double = {
        let discriminant: Double = 100 * 100 + 8 * 95
        return (discriminant.squareRoot() - 100) / 4
    }()

    /// An error, or a VVIX that is not a number, inside the guess path's bracket is the
    /// search's error (the whole range never runs: it would evaluate 0.1 first); so it is on
    /// the whole range's bracket, and when nothing can be computed at all.
    @Test func errorsStopTheSearch() throws {
        let holed = { (s: Double) throws -> Double in
            if s > 0.9325 && s < 0.9327 { throw Unpriceable() }
            return Self.quadratic(s)
        }
        let notANumber = { (s: Double) throws -> Double in
            s > 0.9325 && s < 0.9327 ? .nan : Self.quadratic(s)
        }
        for (name, vvix) in [("error", holed), ("NaN", notANumber)] {
            for nearGuess in [true, false] {
                var evaluated: [Double] = []
                do {
                    let found = try VVIXScaleSearch.scale(target: 95, nearGuess: nearGuess) { s in
                        evaluated.append(s)
                        return try vvix(s)
                    }
                    Issue.record("\(name), near the guess: \(nearGuess): found \(found)")
                } catch {
                    switch (name, error) {
                    case ("error", .evaluation), ("NaN", .notFinite): break
                    default: Issue.record("\(name): \(error)")
                    }
                }
                #expect(evaluated.contains { $0 < 0.5 } == !nearGuess, "\(name), near the guess: \(nearGuess): \(evaluated)")
            }
        }
        #expect(throws: VVIXScaleSearch.Failure.self) {
            try Self.run(target: 95, nearGuess: true) { _ in throw Unpriceable() }
        }
        // A floor candidate whose VVIX is not a number stops the search (one that cannot be
        // computed only moves the floor up); so does a guess point's, without the whole range.
        let guess = 95 / VVIXScaleSearch.pointsPerUnitScale
        let cases: [(target: Double, nearGuess: Bool, vvix: (Double) -> Double)] = [
            (20, false, { s in s < 0.15 ? .nan : 100 * s }),
            (95, true, { s in s.bitPattern == guess.bitPattern ? .infinity : Self.quadratic(s) }),
        ]
        for (target, nearGuess, vvix) in cases {
            var evaluated: [Double] = []
            do {
                let found = try VVIXScaleSearch.scale(target: target, nearGuess: nearGuess) { s in
                    evaluated.append(s)
                    return vvix(s)
                }
                Issue.record("found \(found)")
            } catch {
                switch error {
                case .notFinite: break
                default: Issue.record("\(error)")
                }
            }
            // The first point evaluated is the one that stops it.
            #expect(evaluated.count == 1, "\(evaluated)")
        }
    }

    /// An error at the guess itself, or at its rescale (the guess path's second point), only
    /// sends the search to the whole range, which finds the root.
    @Test(arguments: ["guess", "rescale"])
    func anErrorOnTheGuessPathFallsBackToTheWholeRange(point: String) throws {
        let guess = 95 / VVIXScaleSearch.pointsPerUnitScale
        // The rescale as the search forms it, from the gap VVIX − target.
        let failing = point == "guess" ? guess : guess * 95 / ((Self.quadratic(guess) - 95) + 95)
        var hit = false
        let found = try Self.run(target: 95, nearGuess: true) { s in
            if s.bitPattern == failing.bitPattern {
                hit = true
                throw Unpriceable()
            }
            return Self.quadratic(s)
        }
        #expect(hit)
        #expect(found.evaluated.contains { $0 < 0.5 }, "the whole range ran: \(found.evaluated)")
        #expect(abs(found.scale.value - Self.quadraticRoot) <= Self.bound(Self.quadraticRoot))
    }
}
