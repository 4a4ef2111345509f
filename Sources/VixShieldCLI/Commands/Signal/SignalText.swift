import Foundation
import Strategy

/// The human form of a `Signal`: regime and evidence, condor, hedge layers, orders, disclaimer.
enum SignalText {
    static func render(_ s: Signal) -> String {
        var out = "VixShield signal for \(s.date)  (ruleset \(s.rulesetHash.prefix(12)))\n"
        out += String(format: "S&P 500 %.2f   VIX %.2f   30-day rate %.2f%%", s.market.spx, s.market.vix, 100 * s.market.rate30d)
        out += s.market.upcomingEvents.isEmpty ? "\n" : "   upcoming: \(s.market.upcomingEvents.joined(separator: ", "))\n"
        out += "  rates: \(s.market.rates)\n"
        out += "  SPX surface: \(s.market.surface)\n"
        for note in s.market.vixModel { out += "  \(note)\n" }
        out += "\n"

        let r = s.regime
        out += "REGIME: \(r.regime.rawValue.uppercased())"
        out += r.changed ? " (changed from \(r.previousRegime.rawValue))\n" : " (unchanged)\n"
        out += "  \(r.explanation)\n"
        var rows = [["voter", "vote", "reading"]]
        for reading in r.readings { rows.append([reading.voter, reading.vote.rawValue, reading.reason]) }
        out += indent(TextTable.render(rows)) + "\n"

        if let c = s.condor {
            let k = c.condor
            out += "IRON CONDOR to open: \(k.quantity) × SPX \(k.expiry) (\(c.daysToExpiry) DTE)\n"
            out += String(format: "  long put %.0f / short put %.0f / short call %.0f / long call %.0f\n", k.longPut, k.shortPut, k.shortCall, k.longCall)
            out += String(format: "  credit %.2f per condor (mid %.2f), $%.0f total; max profit $%.0f, max loss $%.0f\n",
                          c.naturalCredit, c.midCredit, k.totalCredit, k.maxProfit, k.maxLoss)
            out += String(format: "  break-evens %.2f / %.2f; probability of profit %.0f%% (model)\n",
                          k.lowerBreakEven, k.upperBreakEven, 100 * c.probabilityOfProfit)
            out += String(format: "  greeks: delta %.1f, gamma %.3f, vega $%.0f per vol point, theta $%.0f per day\n",
                          c.greeks.delta, c.greeks.gamma, c.greeks.vega / 100, c.greeks.thetaPerDay)
        } else {
            out += "IRON CONDOR: \(s.condorNote ?? "none")\n"
        }
        out += "\n"
        if let h = s.hedge {
            out += String(format: "HEDGE LAYERS (premium $%.0f of a $%.0f budget)\n", h.totalPremium, h.budget)
            // Each layer's budget in dollars and against what it protects (the condor risk budget R).
            var budgets = [["layer", "weight", "budget $", "budget / R"]]
            for layer in h.layers where layer.budget > 0 {
                let multiple = h.condorRiskBudget > 0 ? String(format: "%.4f", layer.budget / h.condorRiskBudget) : "n/a"
                budgets.append([layer.layer.rawValue, String(format: "%.2f", layer.weight), String(format: "%.0f", layer.budget), multiple])
            }
            out += String(format: "  condor risk budget R $%.0f\n", h.condorRiskBudget) + indent(TextTable.render(budgets))
            var targets = [["layer", "instrument", "target", "premium $", "reason"]]
            for t in h.targets {
                targets.append([t.layer.rawValue, t.instrument.description, String(t.contracts), String(format: "%.0f", t.premium), t.reason.text])
            }
            out += indent(TextTable.render(targets))
            var orders = [["side", "qty", "instrument", "limit", "reason"]]
            for o in h.orders {
                orders.append([o.side.rawValue, String(o.quantity), o.instrument.description, String(format: "%.2f", o.limitPrice), o.reason.text])
            }
            out += "HEDGE PLAN ORDERS (the hedge planner alone, from an empty book)\n" + indent(TextTable.render(orders))
            for binding in h.bindings { out += "  limit: \(binding)\n" }
        } else {
            out += "HEDGE: \(s.hedgeNote ?? "none")\n"
        }
        if let orders = s.orders {
            out += "\nORDERS (the backtest's decision engine on the book at the previous close: --book, or the capital in cash)\n"
            if orders.isEmpty {
                out += "  none\n"
            } else {
                var rows = [["side", "qty", "symbol", "limit"]]
                for o in orders { rows.append([o.side.rawValue, String(o.quantity), o.symbol, String(format: "%.4f", o.limit)]) }
                out += indent(TextTable.render(rows))
            }
            for refusal in s.orderRejections ?? [] { out += "  refused: \(refusal)\n" }
        }
        if let note = s.ordersNote { out += "\nORDERS: \(note)\n" }
        out += "\n\(s.prices)\n\(s.disclaimer)\n"
        return out
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }
}
