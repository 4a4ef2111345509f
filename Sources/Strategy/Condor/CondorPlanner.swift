import Foundation
import MarketData
import QuantCore
import VolModels

/// Chooses, prices and sizes an SPX iron condor on a modelled chain by `CondorRules`:
///
/// 1. Regime: `rules.adjustment(for:)` gives the short |Δ| target and size multiplier, or
///    throws `skippedInRegime` (stress with `skip`).
/// 2. Expiry: the chain expiry with DTE in [min_dte, max_dte] closest to (min + max)/2, ties to
///    the earlier one.
/// 3. Shorts: on that expiry's strike grid, the put and the call whose model |Δ| (the chain's
///    BSM spot delta) is closest to the target among those inside [short_delta_min,
///    short_delta_max]; ties to the strike further out. None inside → `noShortStrikeInBand`.
/// 4. Wings (`delta`): the listed strike beyond each short with |Δ| closest to wing_delta
///    (ties to the nearer strike). (`width`): shortPut − wing_width and shortCall + wing_width,
///    or the nearest listed strike beyond that when it is not listed. None → `noWingStrike`.
/// 5. Credit: natural = bid(shortPut) + bid(shortCall) − ask(longPut) − ask(longCall) (must be
///    > 0, else `nonPositiveCredit`); mid credit from the model mids is reported too.
/// 6. Size: qty = ⌊capital · max_loss_fraction · multiplier / (max(widths)·100 − natural·100)⌋,
///    at least 1 or `capitalTooSmall`; so max loss ≤ the risk budget.
/// 7. Report: break-evens, max profit/loss, probability of profit, position greeks and the risk
///    graph (±15% in 1% steps; today, T + DTE/2 days, expiry).
public struct CondorPlanner: Sendable {
    public var rules: CondorRules

    public init(rules: CondorRules = CondorRules()) { self.rules = rules }

    /// Plans a condor for `chain`'s date with `capital` dollars in `regime`. `model` must be the
    /// model the chain was generated from (same date); it prices the probability and risk graph.
    public func plan(
        chain: SyntheticChain, model: SPXMarketModel, capital: Double, regime: Regime, withRiskGraph: Bool = true
    ) throws(CondorError) -> CondorPlan {
        do { try rules.validate() } catch { throw .invalidRules(error) }
        guard capital.isFinite, capital > 0 else { throw .invalidInput(field: "capital", reason: "must be finite and > 0 (got \(capital))") }
        guard chain.date == model.inputs.date else {
            throw .invalidInput(field: "chain", reason: "chain date \(chain.date) differs from the model date \(model.inputs.date)")
        }
        guard let adjustment = rules.adjustment(for: regime) else { throw .skippedInRegime(regime) }
        let expiry = try selectExpiry(chain)
        let band = rules.shortDeltaMin...rules.shortDeltaMax
        let shortPut = try selectShort(.put, in: expiry, target: adjustment.shortDelta, band: band)
        let shortCall = try selectShort(.call, in: expiry, target: adjustment.shortDelta, band: band)
        let longPut = try selectWing(.put, in: expiry, shortIndex: shortPut)
        let longCall = try selectWing(.call, in: expiry, shortIndex: shortCall)

        func leg(_ role: CondorLegRole, _ index: Int) -> CondorLeg {
            let quote = role.optionType == .put ? expiry.puts[index] : expiry.calls[index]
            return CondorLeg(
                role: role, strike: expiry.strikes[index], bid: quote.bid, ask: quote.ask, mid: quote.mid,
                impliedVolatility: quote.impliedVolatility, valuation: quote.valuation)
        }
        let legs = [leg(.longPut, longPut), leg(.shortPut, shortPut), leg(.shortCall, shortCall), leg(.longCall, longCall)]
        let natural = -legs.reduce(0) { $0 + $1.role.sign * $1.openingFill }
        let mid = -legs.reduce(0) { $0 + $1.role.sign * $1.mid }
        guard natural > 0 else { throw .nonPositiveCredit(expiry: expiry.expiry, credit: natural) }

        let unit = try IronCondor(
            expiry: expiry.expiry, longPut: legs[0].strike, shortPut: legs[1].strike, shortCall: legs[2].strike, longCall: legs[3].strike,
            quantity: 1, credit: natural)
        let budget = capital * rules.maxLossFraction * adjustment.sizeMultiplier
        let perContract = unit.maxLoss
        var quantity = Int((budget / perContract).rounded(.down))
        while quantity > 0, Double(quantity) * perContract > budget { quantity -= 1 }  // guard against rounding up
        guard quantity >= 1 else { throw .capitalTooSmall(capital: capital, riskBudget: budget, maxLossPerContract: perContract) }
        let condor = try unit.with(quantity: quantity)

        let pricer = CondorModelPricer(model: model)
        let t = expiry.years
        let probability = pricer.probabilityAbove(condor.lowerBreakEven, years: t) - pricer.probabilityAbove(condor.upperBreakEven, years: t)
        let lognormal = pricer.lognormalProbabilityAbove(condor.lowerBreakEven, years: t)
            - pricer.lognormalProbabilityAbove(condor.upperBreakEven, years: t)
        return CondorPlan(
            date: chain.date, spot: chain.underlyingLevel, regime: regime, adjustment: adjustment, condor: condor,
            daysToExpiry: expiry.expiry - chain.date, legs: legs, naturalCredit: natural, midCredit: mid, riskBudget: budget,
            maxLossPerContract: perContract, maxProfit: condor.maxProfit, maxLoss: condor.maxLoss,
            lowerBreakEven: condor.lowerBreakEven, upperBreakEven: condor.upperBreakEven,
            probabilityOfProfit: max(0, probability), probabilityOfProfitLognormal: max(0, lognormal),
            greeks: CondorGreeks(legs: legs, quantity: quantity),
            riskGraph: withRiskGraph ? try CondorRiskGraph.compute(condor: condor, model: model) : nil)
    }

    /// Step 2: the expiry with DTE in the window closest to its middle (ties to the earlier).
    public func selectExpiry(_ chain: SyntheticChain) throws(CondorError) -> SyntheticExpiry {
        let expiry = try selectExpiry(chain.expiries.map(\.expiry), on: chain.date)
        return chain.expiries.first { $0.expiry == expiry }!
    }

    /// Step 2 on the expiry dates alone, so a caller can generate only that expiry's chain.
    public func selectExpiry(_ dates: [MarketDate], on date: MarketDate) throws(CondorError) -> MarketDate {
        let middle = Double(rules.minDTE + rules.maxDTE) / 2
        var best: (distance: Double, expiry: MarketDate)?
        for expiry in dates.sorted() {
            let dte = expiry - date
            guard dte >= rules.minDTE, dte <= rules.maxDTE else { continue }
            let distance = abs(Double(dte) - middle)
            if best == nil || distance < best!.distance { best = (distance, expiry) }
        }
        guard let best else { throw .noExpiryInWindow(date: date, minDTE: rules.minDTE, maxDTE: rules.maxDTE) }
        return best.expiry
    }

    /// Step 3: index of the short strike of `side`.
    func selectShort(_ side: OptionType, in expiry: SyntheticExpiry, target: Double, band: ClosedRange<Double>) throws(CondorError) -> Int {
        let quotes = side == .put ? expiry.puts : expiry.calls
        // Walk from the money outwards so that, on a tie, the later (further out) strike wins.
        let order = side == .put ? Array(quotes.indices.reversed()) : Array(quotes.indices)
        var best: (distance: Double, index: Int)?
        var nearest: (gap: Double, delta: Double)?
        for index in order {
            let delta = abs(quotes[index].valuation.delta)
            let gap = delta < band.lowerBound ? band.lowerBound - delta : max(0, delta - band.upperBound)
            if nearest == nil || gap < nearest!.gap { nearest = (gap, delta) }
            guard band.contains(delta) else { continue }
            let distance = abs(delta - target)
            if best == nil || distance <= best!.distance { best = (distance, index) }
        }
        guard let best else { throw .noShortStrikeInBand(side: side, expiry: expiry.expiry, band: band, closestDelta: nearest?.delta) }
        return best.index
    }

    /// Step 4: index of the long wing of `side`.
    func selectWing(_ side: OptionType, in expiry: SyntheticExpiry, shortIndex: Int) throws(CondorError) -> Int {
        let beyond = side == .put ? Array((0..<shortIndex).reversed()) : Array((shortIndex + 1)..<expiry.strikes.count)
        guard !beyond.isEmpty else { throw .noWingStrike(side: side, expiry: expiry.expiry, shortStrike: expiry.strikes[shortIndex]) }
        switch rules.wingMode {
        case .delta:
            let quotes = side == .put ? expiry.puts : expiry.calls
            var best = beyond[0]
            for index in beyond where abs(abs(quotes[index].valuation.delta) - rules.wingDelta) < abs(abs(quotes[best].valuation.delta) - rules.wingDelta) {
                best = index
            }
            return best
        case .width:
            let short = expiry.strikes[shortIndex]
            let wanted = side == .put ? short - rules.wingWidth : short + rules.wingWidth
            let tolerance = 1e-9 * short
            // `beyond` runs outwards: the first strike at or past the wanted one.
            guard let index = beyond.first(where: { side == .put ? expiry.strikes[$0] <= wanted + tolerance : expiry.strikes[$0] >= wanted - tolerance }) else {
                throw .noWingStrike(side: side, expiry: expiry.expiry, shortStrike: short)
            }
            return index
        }
    }
}
