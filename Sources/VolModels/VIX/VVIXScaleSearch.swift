import QuantCore

/// The search for the 30-day ATM vol of vol s whose modelled VVIX equals the target
/// (`VIXComplex.calibrate`). The VVIX rises with s, and nearly in proportion: about 100·s
/// points (for example s = 0.973 gives 99.87, s = 0.855 gives 87.63 on 2007 sessions).
///
/// - **Near the guess** (the usual path): s₀ = target/100, then s₁ = s₀·target/VVIX(s₀),
///   the proportional rescale, usually within a few tenths of a percent of the root. When s₀
///   and s₁ lie on one side of it, one secant step follows, overshot by a quarter of its length
///   so that it lands beyond the root and closes the bracket (three points at most). Brent's
///   method then runs on that narrow bracket. Over the 4,839 sessions of 2007-2026 the search
///   evaluated the VVIX 6.85 times a session on average, against 8.97 on the whole range.
/// - **The whole range** whenever the guess path does not bracket the root inside
///   [`floorCandidates[0]`, `cap`] (a guess outside it, a point where the VVIX cannot be
///   computed, or no sign change after three points). Its floor is the lowest of
///   `floorCandidates` at which the VVIX can be computed: at a tiny s every out-of-the-money put
///   is worth less than a tick, so the Cboe computation has nothing to read. Its cap is 600%. A
///   target beyond the VVIX at either end is met by that end, as `VVIXScale` says.
///
/// The guess path can fit a target below the VVIX at the whole range's floor when the VVIX can
/// be computed at its own points there (a floor of 0.3 because 0.1 and 0.2 cannot be priced,
/// a target whose root is 0.28): a fit, which is what the floor stands in for. It needs the
/// VVIX to be uncomputable at every candidate up to s₀, which is 0.5 or more for a real VVIX
/// target (50 points at least, `IndexPlausibility`).
///
/// The counts above are of distinct scales at which the VVIX was computed (the calibration's
/// cache of them), so a floor candidate that cannot be priced is not counted.
///
/// Both paths stop at Brent's tolerance of 1e-7 in s (1e-5 VVIX points), so each lands within
/// 1e-7 + 4ε·s of the crossing (a root, or a jump where the zero-bid truncation takes a strike in
/// or out), and within twice that of the other's. An error evaluating one of the guess path's
/// points only sends the search to the whole range, which evaluates its own points and reports
/// their errors. An error in the whole range's points, or in Brent's steps on either path, is
/// the search's error; so, with narrow and wide brackets stepping on different points, a
/// scale at which the VVIX cannot be computed may stop one path and not the other.
enum VVIXScaleSearch {
    static let cap = 6.0
    static let floorCandidates = [0.1, 0.2, 0.3, 0.45, 0.6, 0.8]
    static let tolerance = 1e-7
    /// VVIX points per unit of s for the first guess (measured 100-103 on 2007-2016 sessions).
    static let pointsPerUnitScale = 100.0

    enum Failure: Error {
        /// The VVIX could not be computed at a scale the search needed.
        case evaluation(any Error)
        /// The VVIX computed at `scale` is not a finite number.
        case notFinite(scale: Double, vvix: Double)
        /// Brent's method did not converge.
        case noConvergence
    }

    /// Where the search put s. `vvix` computes the modelled VVIX at a scale; `nearGuess: false`
    /// searches the whole range from the start (the tests compare the two paths).
    static func scale(target: Double, nearGuess: Bool = true, vvix: (Double) throws -> Double) throws(Failure) -> VVIXScale {
        // Brent needs a plain function: a failure is kept and rethrown after the search.
        var failure: Failure?
        func gap(_ s: Double) -> Double {
            do {
                let value = try vvix(s)
                guard value.isFinite else {
                    failure = failure ?? .notFinite(scale: s, vvix: value)
                    return .nan
                }
                return value - target
            } catch {
                failure = failure ?? .evaluation(error)
                return .nan
            }
        }
        // Brent's method takes its two ends in either order.
        func brent(_ a: Double, _ fa: Double, _ b: Double, _ fb: Double) throws(Failure) -> VVIXScale {
            let root = RootFinding.brent(gap, lower: a, upper: b, fLower: fa, fUpper: fb, xTolerance: tolerance)
            if let failure { throw failure }
            guard let root else { throw .noConvergence }
            return .fitted(root)
        }
        if nearGuess, let (a, fa, b, fb) = try bracketNearGuess(target: target, vvix: vvix) {
            return try brent(a, fa, b, fb)
        }
        var low = 0.0
        var fLow = Double.nan
        // A candidate whose VVIX cannot be computed moves the floor up; one whose VVIX is not
        // a number is an error, as everywhere else.
        candidates: for candidate in floorCandidates {
            failure = nil
            fLow = gap(candidate)
            switch failure {
            case nil:
                low = candidate
                break candidates
            case .notFinite(let scale, let vvix)?:
                throw .notFinite(scale: scale, vvix: vvix)
            default:
                continue
            }
        }
        let fHigh = gap(cap)
        if let failure { throw failure }
        if fLow >= 0 { return .floor(low) }
        if fHigh <= 0 { return .cap(cap) }
        return try brent(low, fLow, cap, fHigh)
    }

    /// Two points around the root (a, f(a), b, f(b), with f = VVIX − target; b may lie below
    /// a), found from the proportional guess, or nil (see the type's note). A point where the
    /// VVIX cannot be computed, for any reason, gives nil: the whole range's search then
    /// evaluates its own points and reports their errors, so nothing computed at a failed point
    /// is used. A VVIX that is not a number is an error here too, as on the whole range.
    static func bracketNearGuess(
        target: Double, vvix: (Double) throws -> Double
    ) throws(Failure) -> (a: Double, fa: Double, b: Double, fb: Double)? {
        func gap(_ s: Double) throws(Failure) -> Double? {
            guard s.isFinite, s >= floorCandidates[0], s <= cap else { return nil }
            let value: Double
            do {
                value = try vvix(s)
            } catch {
                return nil
            }
            guard value.isFinite else { throw .notFinite(scale: s, vvix: value) }
            return value - target
        }
        var a = target / pointsPerUnitScale
        guard var fa = try gap(a) else { return nil }
        if fa == 0 { return (a, fa, a, fa) }
        var b = a * target / (fa + target)
        for _ in 0..<2 {
            // b == a: the rescale moved by less than a rounding; the whole range takes over.
            guard b != a, let fb = try gap(b) else { return nil }
            if fb == 0 || (fa < 0) != (fb < 0) { return (a, fa, b, fb) }
            let secantStep = fb * (b - a) / (fa - fb)
            (a, fa) = (b, fb)
            b = a + 1.25 * secantStep
        }
        return nil
    }
}

/// Where the VVIX calibration put the 30-day vol of vol.
enum VVIXScale: Equatable {
    /// The modelled VVIX equals the target (within the search's tolerance).
    case fitted(Double)
    /// The target is below the VVIX at the floor: s at the floor.
    case floor(Double)
    /// The target is above the VVIX at the cap: s at the cap.
    case cap(Double)

    var value: Double {
        switch self {
        case .fitted(let s), .floor(let s), .cap(let s): s
        }
    }
}
