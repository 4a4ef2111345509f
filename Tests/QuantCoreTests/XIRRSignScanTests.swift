import PropertyBased
import Testing

@testable import QuantCore

/// XIRR's certified grid scan (`XIRRSignScan`) against the exact scaled NPV at every grid point.
/// A wrong certificate would move a bracket and so the root; these checks compare signs and the
/// final rates bit for bit with the exhaustive scan (identity, not closeness: the scan must not
/// change a single result).
@Suite("XIRR certified sign scan")
struct XIRRSignScanTests {
    typealias PS = PortfolioStatistics

    /// Seeded flow sets of many shapes: conventional, alternating, same-day clusters, amounts over
    /// twelve decades, spans from days to sixty years, and sets rigged so a root falls on or near
    /// a grid point (where certificates must give way to the exact NPV).
    static func flowSets(count: Int, seed: UInt64) -> [[CashFlow]] {
        var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, seed &* 31, 0xD1B5_4A32_D192_ED03))
        var sets: [[CashFlow]] = []
        let grid = PS.xirrGrid()
        for c in 0..<count {
            let n = Int.random(in: 2...300, using: &rng)
            let spanDays = [5, 60, 400, 3_650, 7_300, 21_900][c % 6]
            let decades = Double(Int.random(in: 0...12, using: &rng))
            var flows: [CashFlow] = []
            var day = 20_000
            for i in 0..<n {
                if i > 0, Int.random(in: 0..<4, using: &rng) != 0 {
                    day += Int.random(in: 0...max(1, 2 * spanDays / n), using: &rng)
                }
                let size = Double.random(in: 1...10, using: &rng) * pow(10, Double.random(in: 0...decades, using: &rng))
                let negative: Bool
                switch c % 3 {
                case 0: negative = i == 0  // conventional: one outlay, then income
                case 1: negative = i % 2 == 0  // alternating
                default: negative = Bool.random(using: &rng)
                }
                flows.append(CashFlow(dayNumber: day, amount: negative ? -size : size))
            }
            if c % 5 == 4 {
                // Rig the last flow so the NPV vanishes (up to rounding) at a grid point.
                let x = grid[Int.random(in: 1..<(grid.count - 1), using: &rng)]
                let t = flows.map { Double($0.dayNumber - flows[0].dayNumber) / 365 }
                let last = t[t.count - 1]
                var rest = 0.0
                for i in 0..<(flows.count - 1) { rest += flows[i].amount * exp(-(t[i] - last) * x) }
                flows[flows.count - 1] = CashFlow(dayNumber: flows[flows.count - 1].dayNumber, amount: -rest)
            }
            sets.append(flows)
        }
        return sets
    }

    /// The scan before certificates: the exact NPV at every grid point.
    static func exhaustiveXIRR(_ flows: [CashFlow]) throws(StatisticsError) -> Double {
        let amounts = flows.map(\.amount)
        let t = PS.yearFractions(flows)
        let tMin = t.min()!, tMax = t.max()!
        func g(_ x: Double) -> Double { PS.xirrScaledNPV(x, amounts: amounts, t: t, tMin: tMin, tMax: tMax) }
        let grid = PS.xirrGrid()
        var roots: [Double] = []
        var gPrev = g(grid[0])
        if gPrev == 0 { roots.append(grid[0]) }
        for k in 1..<grid.count {
            let gx = g(grid[k])
            if gx == 0 {
                roots.append(grid[k])
            } else if gPrev != 0, (gPrev < 0) != (gx < 0) {
                guard let root = RootFinding.brent(g, lower: grid[k - 1], upper: grid[k], fLower: gPrev, fUpper: gx)
                else { throw .noRoot(reason: "Brent") }
                roots.append(root)
            }
            gPrev = gx
        }
        guard let best = roots.map({ expm1($0) }).min(by: { abs($0) < abs($1) }) else { throw .noRoot(reason: "none") }
        return best
    }

    @Test("every certified sign is the exact NPV's sign, and the exact NPV is not zero there")
    func certificatesHold() {
        let grid = PS.xirrGrid()
        var certified = 0, uncertain = 0
        for flows in Self.flowSets(count: 120, seed: 0x5EED_0001) {
            let amounts = flows.map(\.amount)
            let t = PS.yearFractions(flows)
            let tMin = t.min()!, tMax = t.max()!
            let scan = XIRRSignScan(amounts: amounts, t: t, tMin: tMin, tMax: tMax, grid: grid)
            for k in grid.indices {
                guard scan.signs[k] != 0 else { uncertain += 1; continue }
                certified += 1
                let exact = PS.xirrScaledNPV(grid[k], amounts: amounts, t: t, tMin: tMin, tMax: tMax)
                if exact == 0 || (exact < 0) != (scan.signs[k] < 0) {
                    Issue.record("wrong certificate at grid point \(k) for \(flows.count) flows: exact \(exact)")
                    return
                }
            }
        }
        // The scan is only worth its keep if it certifies nearly every point.
        #expect(certified > 50 * uncertain, "certified \(certified), uncertain \(uncertain)")
    }

    /// Whether `xirr` and the exhaustive scan agree (the same rate to the bit, or both fail);
    /// true when both found a rate.
    static func expectSameOutcome(_ flows: [CashFlow], _ note: String) -> Bool {
        let fast = Result { () throws(StatisticsError) in try PS.xirr(flows) }
        let slow = Result { () throws(StatisticsError) in try Self.exhaustiveXIRR(flows) }
        switch (fast, slow) {
        case (.success(let a), .success(let b)):
            #expect(a.bitPattern == b.bitPattern, "\(note): \(a) vs \(b)")
            return true
        case (.failure, .failure): return false
        default:
            Issue.record("\(note): one scan found a root and the other did not: \(fast) vs \(slow)")
            return false
        }
    }

    @Test("xirr gives the exhaustive scan's rate to the bit, or the same error kind")
    func sameRateAsExhaustiveScan() {
        var compared = 0
        for flows in Self.flowSets(count: 160, seed: 0x5EED_0002) {
            guard flows.contains(where: { $0.amount > 0 }), flows.contains(where: { $0.amount < 0 }) else { continue }
            if Self.expectSameOutcome(flows, "\(flows.count) flows") { compared += 1 }
        }
        #expect(compared > 60, "compared \(compared)")
    }

    @Test("amounts near the bottom and the top of the double range: the exhaustive scan's result")
    func extremeMagnitudes() {
        var compared = 0
        for (n, flows) in Self.flowSets(count: 40, seed: 0x5EED_0003).enumerated() {
            guard flows.contains(where: { $0.amount > 0 }), flows.contains(where: { $0.amount < 0 }) else { continue }
            let peak = flows.map { abs($0.amount) }.max()!
            for target in [1e-300, 1e-315, 1e305] {
                let scaled = flows.map { CashFlow(dayNumber: $0.dayNumber, amount: $0.amount / peak * target) }
                // Scaling down may flush every amount of one sign to zero: xirr refuses those.
                guard scaled.contains(where: { $0.amount > 0 }), scaled.contains(where: { $0.amount < 0 }) else { continue }
                if Self.expectSameOutcome(scaled, "set \(n) at \(target)") { compared += 1 }
            }
        }
        #expect(compared > 20)
    }

    @Test("flows spanning more than the bound get no certificates and still solve")
    func longSpanFallsBackToExactScan() throws {
        let flows = [
            CashFlow(dayNumber: 0, amount: -100), CashFlow(dayNumber: 200 * 365, amount: 1),
            CashFlow(dayNumber: 500 * 365, amount: 150),
        ]
        let t = PS.yearFractions(flows)
        let scan = XIRRSignScan(
            amounts: flows.map(\.amount), t: t, tMin: t.min()!, tMax: t.max()!, grid: PS.xirrGrid())
        #expect(scan.signs.allSatisfy { $0 == 0 })
        let rate = try PS.xirr(flows)
        #expect(rate.bitPattern == (try Self.exhaustiveXIRR(flows)).bitPattern)
        #expect(abs(try PS.xnpv(rate: rate, flows: flows)) <= 1e-10 * 251)
    }
}
