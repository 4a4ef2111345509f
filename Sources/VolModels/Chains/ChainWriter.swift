import Foundation
import MarketData

/// Writes a `SyntheticChain` as text.
/// - `optionsDX`: the OptionsDX EOD layout (bracketed headers, one row per strike with the call
///   on the left and the put on the right), readable by MarketData's `OptionsDXImporter`.
/// - `csv`: one row per option with model mid, bid/ask, implied vol and greeks:
///   `quote_date,underlying,expiry,years,forward,strike,type,bid,ask,mid,iv,delta,gamma,vega,theta,rho`.
/// Numbers use 17 significant digits where they are model outputs (round-trip exact) and
/// cents for quotes.
public enum ChainFormat: String, Sendable, CaseIterable, Codable {
    case optionsDX = "optionsdx"
    case csv
}

public enum ChainWriter {
    public static func write(_ chain: SyntheticChain, format: ChainFormat) -> String {
        switch format {
        case .optionsDX: optionsDX(chain)
        case .csv: csv(chain)
        }
    }

    static let optionsDXHeader =
        "[QUOTE_UNIXTIME], [QUOTE_READTIME], [QUOTE_DATE], [QUOTE_TIME_HOURS], [UNDERLYING_LAST], [EXPIRE_DATE], [EXPIRE_UNIX], [DTE], [C_DELTA], [C_GAMMA], [C_VEGA], [C_THETA], [C_RHO], [C_IV], [C_VOLUME], [C_LAST], [C_SIZE], [C_BID], [C_ASK], [STRIKE], [P_BID], [P_ASK], [P_SIZE], [P_LAST], [P_DELTA], [P_GAMMA], [P_VEGA], [P_THETA], [P_RHO], [P_IV], [P_VOLUME], [STRIKE_DISTANCE], [STRIKE_DISTANCE_PCT]"

    static func optionsDX(_ chain: SyntheticChain) -> String {
        var lines = [optionsDXHeader]
        // 16:00 New York as a UTC instant, ignoring daylight saving (the importer does not read it).
        let quoteUnix = chain.date.dayNumber * 86_400 + 21 * 3_600
        for expiry in chain.expiries {
            let expiryUnix = expiry.expiry.dayNumber * 86_400 + 21 * 3_600
            let underlying = chain.underlying == "VIX" ? expiry.forward : chain.underlyingLevel
            for (index, strike) in expiry.strikes.enumerated() {
                let c = expiry.calls[index]
                let p = expiry.puts[index]
                // OptionsDX quotes vega and theta per vol point and per day; here they stay in
                // QuantCore units (per 1.00 vol, per year) and IV as a decimal: stated in README.
                let cells: [String] = [
                    String(quoteUnix), "\(chain.date) 16:00", chain.date.description, "16.000000", number(underlying),
                    expiry.expiry.description, String(expiryUnix), String(format: "%.2f", expiry.years * 365),
                    number(c.valuation.delta), number(c.valuation.gamma), number(c.valuation.vega), number(c.valuation.theta),
                    number(c.valuation.rho), number(c.impliedVolatility), "", "", "", cents(c.bid), cents(c.ask),
                    number(strike), cents(p.bid), cents(p.ask), "", "", number(p.valuation.delta), number(p.valuation.gamma),
                    number(p.valuation.vega), number(p.valuation.theta), number(p.valuation.rho), number(p.impliedVolatility), "",
                    number(abs(strike - underlying)), String(format: "%.4f", abs(strike - underlying) / underlying),
                ]
                lines.append(cells.map { " " + $0 }.joined(separator: ",").dropFirst().description)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csv(_ chain: SyntheticChain) -> String {
        var lines = ["quote_date,underlying,expiry,years,forward,strike,type,bid,ask,mid,iv,delta,gamma,vega,theta,rho"]
        for expiry in chain.expiries {
            for (index, strike) in expiry.strikes.enumerated() {
                for (type, q) in [("C", expiry.calls[index]), ("P", expiry.puts[index])] {
                    let cells = [
                        chain.date.description, chain.underlying, expiry.expiry.description, number(expiry.years), number(expiry.forward),
                        number(strike), type, cents(q.bid), cents(q.ask), number(q.mid), number(q.impliedVolatility),
                        number(q.valuation.delta), number(q.valuation.gamma), number(q.valuation.vega), number(q.valuation.theta),
                        number(q.valuation.rho),
                    ]
                    lines.append(cells.joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double) -> String { value == 0 ? "0" : String(format: "%.17g", value) }
    static func cents(_ value: Double) -> String { String(format: "%.2f", value) }
}
