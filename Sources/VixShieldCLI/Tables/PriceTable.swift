import MarketData
import QuantCore

/// `vixshield price`: each input row priced with its greeks. Output: the input columns, then
/// `price,delta,gamma,vega,theta,rho` (conventions of `OptionValuation`: vega per 1.00 vol,
/// theta per year = -∂V/∂T, rho per 1.00 rate). All rows are validated before any is written,
/// so a bad file produces an error and no partial output.
public enum PriceTable {
    public static let outputColumns = ["price", "delta", "gamma", "vega", "theta", "rho"]

    public static func run(model: PricingModel, table: CSVTable) throws(InputError) -> String {
        let columns = try (model.underlyingColumns + ["sigma", "type"]).map { name throws(InputError) in try table.column(name) }
        var lines = [(table.header.map(csvCell) + outputColumns).joined(separator: ",")]
        lines.reserveCapacity(table.rows.count + 1)
        for row in table.rows {
            let numbers = try columns.dropLast().map { column throws(InputError) in try table.number(row, column) }
            let type = try table.optionType(row, columns.last!)
            let valuation: OptionValuation
            do {
                switch model {
                case .bsm:
                    valuation = try BlackScholesMerton.value(
                        type, spot: numbers[0], strike: numbers[1], time: numbers[2], rate: numbers[3],
                        dividendYield: numbers[4], volatility: numbers[5])
                case .black76:
                    valuation = try Black76.value(
                        type, forward: numbers[0], strike: numbers[1], time: numbers[2], rate: numbers[3],
                        volatility: numbers[4])
                }
            } catch {
                throw InputError(file: table.file, line: row.line, field: error.field, message: error.description)
            }
            let outputs = [valuation.price, valuation.delta, valuation.gamma, valuation.vega, valuation.theta, valuation.rho]
            lines.append((row.cells.map(csvCell) + outputs.map(formatNumber)).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
