import MarketData
import QuantCore

/// `vixshield iv`: implied volatility per row. Output: the input columns, then `iv,status`,
/// where status is `ok` or the reason there is no solution (`below_intrinsic`, `above_max`,
/// `zero_price`, `at_intrinsic`, `zero_time`, `price_not_finite`) and iv is empty unless ok.
/// Rows with invalid market inputs (negative strike, unparsable number, unknown type) are
/// input errors, not statuses: the whole run fails with file, line and field.
public enum ImpliedVolTable {
    public static func run(model: PricingModel, table: CSVTable) throws(InputError) -> String {
        let columns = try (model.underlyingColumns + ["price", "type"]).map { name throws(InputError) in try table.column(name) }
        var lines = [(table.header.map(csvCell) + ["iv", "status"]).joined(separator: ",")]
        lines.reserveCapacity(table.rows.count + 1)
        for row in table.rows {
            let numbers = try columns.dropLast().map { column throws(InputError) in try table.number(row, column) }
            let type = try table.optionType(row, columns.last!)
            let price = numbers[numbers.count - 1]
            var cells = row.cells.map(csvCell)
            do {
                let result: ImpliedVolatility.Result
                switch model {
                case .bsm:
                    result = try ImpliedVolatility.blackScholesMerton(
                        type, price: price, spot: numbers[0], strike: numbers[1], time: numbers[2],
                        rate: numbers[3], dividendYield: numbers[4])
                case .black76:
                    result = try ImpliedVolatility.black76(
                        type, price: price, forward: numbers[0], strike: numbers[1], time: numbers[2], rate: numbers[3])
                }
                cells += [formatNumber(result.volatility), "ok"]
            } catch {
                if case .invalidInput(let input) = error {
                    throw InputError(file: table.file, line: row.line, field: input.field, message: input.description)
                }
                cells += ["", error.status]
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
