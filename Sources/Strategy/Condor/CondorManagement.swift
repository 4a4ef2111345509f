import Foundation
import MarketData
import QuantCore
import VolModels

/// What to do with an open condor today.
public enum ManagementAction: String, Sendable, Codable, CaseIterable {
    case hold
    /// P&L ≥ take_profit · credit: close and keep the profit.
    case takeProfit = "take_profit"
    /// P&L ≤ −stop_loss · credit: close and take the loss.
    case stopLoss = "stop_loss"
    /// DTE ≤ exit_dte: close before the last weeks' gamma.
    case exitDTE = "exit_dte"
}

/// A management decision with its numbers (dollars for the whole position).
public struct ManagementDecision: Sendable, Codable, Equatable {
    public var date: MarketDate
    public var action: ManagementAction
    /// Calendar days from `date` to the condor's expiry.
    public var daysToExpiry: Int
    /// Credit received at entry: credit · 100 · qty.
    public var entryCredit: Double
    /// Cost to buy the condor back at model mids (the mark the triggers use).
    public var costToCloseMid: Double
    /// Cost to buy it back at the natural prices (shorts at ask, longs at bid): what closing costs.
    public var costToCloseNatural: Double
    /// entryCredit − costToCloseMid.
    public var pnl: Double
    /// pnl / entryCredit (e.g. 0.5 = half the credit kept, −2 = lost twice the credit).
    public var pnlFraction: Double
    /// take_profit · entryCredit (trigger when pnl ≥ it).
    public var takeProfitLevel: Double
    /// −stop_loss · entryCredit (trigger when pnl ≤ it).
    public var stopLossLevel: Double
    public var explanation: String
}

/// Management of an open condor by `CondorRules`. Triggers are checked on the P&L marked at
/// model mids (a mark unaffected by the quoted spread, which widens on event days) in this
/// order: stop loss (P&L ≤ −stop_loss·C), take profit (P&L ≥ take_profit·C), exit DTE
/// (DTE ≤ exit_dte), else hold; C is the entry credit in dollars. The natural cost to close is
/// reported alongside.
public struct CondorManager: Sendable {
    public var rules: CondorRules

    public init(rules: CondorRules = CondorRules()) { self.rules = rules }

    /// The action for a P&L (dollars), an entry credit (dollars, > 0) and days to expiry.
    public func action(pnl: Double, entryCredit: Double, daysToExpiry: Int) -> ManagementAction {
        if pnl <= -rules.stopLoss * entryCredit { return .stopLoss }
        if pnl >= rules.takeProfit * entryCredit { return .takeProfit }
        if daysToExpiry <= rules.exitDTE { return .exitDTE }
        return .hold
    }

    /// Evaluates `condor` on `chain` (the current day's model chain, generated from `model`).
    /// Legs are valued from the chain's quotes; a leg no longer listed (model mid below the
    /// listing minimum) or an expiry missing from the chain is valued by the model
    /// (`CondorModelPricer`) with bid = ask = model mid. On or after expiry the legs are worth
    /// their intrinsic value at the chain's spot.
    public func evaluate(_ condor: IronCondor, chain: SyntheticChain, model: SPXMarketModel) throws(CondorError) -> ManagementDecision {
        do { try rules.validate() } catch { throw .invalidRules(error) }
        guard chain.date == model.inputs.date else {
            throw .invalidInput(field: "chain", reason: "chain date \(chain.date) differs from the model date \(model.inputs.date)")
        }
        guard condor.credit > 0 else { throw .invalidInput(field: "credit", reason: "an open condor needs its entry credit (> 0)") }
        let dte = condor.expiry - chain.date
        let pricer = CondorModelPricer(model: model)
        let listed = chain.expiries.first { $0.expiry == condor.expiry }
        func quote(_ role: CondorLegRole) -> (bid: Double, ask: Double, mid: Double) {
            let strike: Double
            switch role {
            case .longPut: strike = condor.longPut
            case .shortPut: strike = condor.shortPut
            case .shortCall: strike = condor.shortCall
            case .longCall: strike = condor.longCall
            }
            if let listed, let index = listed.strikes.firstIndex(of: strike) {
                let q = role.optionType == .put ? listed.puts[index] : listed.calls[index]
                return (q.bid, q.ask, q.mid)
            }
            let value = pricer.value(role.optionType, strike: strike, spot: chain.underlyingLevel, years: Double(max(dte, 0)) / 365).price
            return (value, value, value)
        }
        var mid = 0.0, natural = 0.0
        for role in CondorLegRole.allCases {
            let q = quote(role)
            mid -= role.sign * q.mid  // buy back shorts (+), sell longs (−)
            natural -= role.sign * (role.sign < 0 ? q.ask : q.bid)
        }
        let entry = condor.totalCredit
        let costMid = mid * condor.pointValue
        let costNatural = natural * condor.pointValue
        let pnl = entry - costMid
        let action = action(pnl: pnl, entryCredit: entry, daysToExpiry: dte)
        let fraction = pnl / entry
        let takeLevel = rules.takeProfit * entry
        let stopLevel = -rules.stopLoss * entry
        let explanation: String
        switch action {
        case .stopLoss: explanation = "P&L \(money(pnl)) (\(percent(fraction)) of credit) at or below the stop \(money(stopLevel))"
        case .takeProfit: explanation = "P&L \(money(pnl)) (\(percent(fraction)) of credit) at or above the target \(money(takeLevel))"
        case .exitDTE: explanation = "\(dte) days to expiry, at or below exit_dte \(rules.exitDTE); P&L \(money(pnl))"
        case .hold:
            explanation = "P&L \(money(pnl)) (\(percent(fraction)) of credit) between stop \(money(stopLevel)) and target \(money(takeLevel)); \(dte) days to expiry"
        }
        return ManagementDecision(
            date: chain.date, action: action, daysToExpiry: dte, entryCredit: entry, costToCloseMid: costMid, costToCloseNatural: costNatural,
            pnl: pnl, pnlFraction: fraction, takeProfitLevel: takeLevel, stopLossLevel: stopLevel, explanation: explanation)
    }

    private func money(_ x: Double) -> String { "$" + String(format: "%.2f", x) }
    private func percent(_ x: Double) -> String { String(format: "%.0f%%", 100 * x) }
}
