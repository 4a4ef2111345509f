import Backtest
import Foundation
import MarketData
import Strategy

/// The values each dashboard page renders, from the same library calls as the API.
enum TodayPage {
    static func values(env: ServerEnvironment, date text: String?) throws -> [String: Any] {
        let date = try env.session(text)
        let s = try env.signal(date)
        let regime = s.regime
        var values: [String: Any] = [
            "date": s.date.description, "regime": regime.regime.rawValue, "regimeLabel": regime.regime.rawValue.replacingOccurrences(of: "_", with: " "),
            "regimeNote": regime.changed ? "Changed today from \(regime.previousRegime.rawValue)." : "Unchanged from the previous session.",
            "spx": String(format: "%.2f", s.market.spx), "vix": String(format: "%.2f", s.market.vix), "rulesetHash": String(s.rulesetHash.prefix(12)),
            "voters": regime.readings.map { r -> [String: Any] in
                ["name": r.voter, "vote": r.vote.rawValue, "reading": r.reason]
            },
            "events": s.market.upcomingEvents, "prices": s.prices,
            "orders": (s.orders ?? []).map { o -> [String: Any] in
                ["side": o.side.rawValue, "quantity": String(o.quantity), "symbol": o.symbol, "limit": String(format: "%.4f", o.limit), "layer": o.layer]
            },
            "refusals": (s.orderRejections ?? []).map(\.reason),
        ]
        if let note = s.ordersNote { values["ordersNote"] = note }
        if let c = s.condor {
            values["condor"] = [
                "expiry": c.condor.expiry.description, "longPut": fmt(c.condor.longPut), "shortPut": fmt(c.condor.shortPut),
                "shortCall": fmt(c.condor.shortCall), "longCall": fmt(c.condor.longCall), "quantity": String(c.condor.quantity),
                "credit": String(format: "%.2f", c.naturalCredit), "maxLoss": String(format: "%.0f", c.maxLoss),
                "probability": String(format: "%.0f%%", 100 * c.probabilityOfProfit),
            ] as [String: Any]
        } else {
            values["condorNote"] = s.condorNote ?? "no condor"
        }
        if let h = s.hedge {
            values["layers"] = h.layers.map { l -> [String: Any] in
                [
                    "layer": l.layer.rawValue, "weight": String(format: "%.2f", l.weight), "budget": String(format: "%.0f", l.budget),
                    "ofRisk": h.condorRiskBudget > 0 ? String(format: "%.4f", l.budget / h.condorRiskBudget) : "n/a", "premium": String(format: "%.0f", l.premium),
                ]
            }
        }
        let history = try env.store.observations("VIX", from: date.adding(days: -120), asOf: date).suffix(60)
        values["vixChart"] = DashboardCharts.line(
            history.map(\.value), first: history.first?.date.description ?? "", last: history.last?.date.description ?? "", label: "VIX, last 60 sessions")
        return values
    }

    static func fmt(_ x: Double) -> String { x == x.rounded() ? String(format: "%.0f", x) : String(format: "%.2f", x) }
}

enum BookPage {
    static func values(env: ServerEnvironment, date text: String?) throws -> [String: Any] {
        let date = try env.session(text)
        let fills = try env.store.fills(through: date)
        let book = try BookValuation.value(fills: fills, date: date, store: env.store, calendar: env.calendar)
        func money(_ x: Double) -> String { String(format: "%.2f", x) }
        var values: [String: Any] = [
            "date": book.date.description, "equity": money(book.equity), "cash": money(book.cash), "deposits": money(book.deposits),
            "fills": String(fills.count), "notes": book.settled.map { "settled: \($0)" } + book.notes,
            "positions": book.positions.map { p -> [String: Any] in
                [
                    "symbol": p.symbol, "layer": p.layer, "quantity": String(p.quantity), "averagePrice": String(format: "%.4f", p.averagePrice),
                    "mark": String(format: "%.4f", p.mark), "value": money(p.value), "pnl": money(p.pnl), "delta": String(format: "%.2f", p.delta),
                    "gamma": String(format: "%.4f", p.gamma), "vega": money(p.vega), "theta": money(p.theta),
                ]
            },
            "layers": book.layers.map { l -> [String: Any] in
                ["layer": l.layer, "realised": money(l.realised), "unrealised": money(l.unrealised), "pnl": money(l.pnl)]
            },
        ]
        // P&L at expiry of the book's SPX options against the S&P 500, ±15% in 1% steps.
        let spot = try env.store.bars("SPX", from: date.adding(days: -10), asOf: date).last?.close ?? 0
        var options: [(right: OptionQuote.Right, strike: Double, quantity: Int, averagePrice: Double)] = []
        for p in book.positions {
            if case .success(.option(let root, _, let right, let strike)) = InstrumentSymbol.parse(p.symbol), !root.isVIX {
                options.append((right, Double(strike) / 1000, p.quantity, p.averagePrice))
            }
        }
        if spot > 0, !options.isEmpty {
            let spots = (-15...15).map { spot * (1 + Double($0) / 100) }
            let pnl = spots.map { s in
                options.reduce(0.0) { total, o in
                    let intrinsic = o.right == .call ? max(0, s - o.strike) : max(0, o.strike - s)
                    return total + Double(o.quantity) * (intrinsic - o.averagePrice) * 100
                }
            }
            values["riskGraph"] = DashboardCharts.riskGraph(spots: spots, pnl: pnl, current: spot)
        } else {
            values["riskGraph"] = "<p class=\"muted\">No SPX option positions to draw.</p>"
        }
        return values
    }
}

enum JournalPage {
    static func values(env: ServerEnvironment) throws -> [String: Any] {
        let entries = try env.store.journal(from: MarketDate(dayNumber: Int.min / 2), to: MarketDate(dayNumber: Int.max / 2))
        return [
            "entries": entries.reversed().map { entry -> [String: Any] in
                var row: [String: Any] = ["date": entry.date.description, "ruleset": String(entry.rulesetHash.prefix(12)), "recordedAt": entry.recordedAt]
                if let record = try? JSONDecoder().decode(DailyRun.Record.self, from: Data(entry.decision.utf8)) {
                    row["regime"] = record.decision.regime.rawValue
                    row["orders"] = String(record.decision.orders.count)
                    row["refused"] = String(record.decision.rejections.count)
                } else {
                    (row["regime"], row["orders"], row["refused"]) = ("(older format)", "", "")
                }
                return row
            }
        ]
    }
}

enum BacktestPage {
    static func values(_ status: BacktestJobs.Status) -> [String: Any] {
        var values: [String: Any] = [
            "id": status.id, "state": status.state, "progress": String(format: "%.2f", status.progress),
            "percent": String(format: "%.0f%%", 100 * status.progress), "from": status.from.description, "to": status.to.description,
        ]
        if let error = status.error { values["error"] = error }
        if status.report != nil {
            values["report"] = true
            values["summaries"] = (status.summaries ?? []).map { s -> [String: Any] in
                [
                    "label": s.label, "finalEquity": String(format: "%.0f", s.finalEquity), "cagr": s.cagr.map { String(format: "%.2f%%", 100 * $0) } ?? "n/a",
                    "maxDrawdown": s.maxDrawdown.map { String(format: "%.2f%%", 100 * $0) } ?? "n/a",
                ]
            }
        }
        return values
    }
}
