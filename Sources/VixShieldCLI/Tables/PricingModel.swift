import MarketData
import ArgumentParser
import QuantCore

/// The pricing model named on the command line, with the CSV columns it reads.
public enum PricingModel: String, CaseIterable, Sendable, ExpressibleByArgument {
    case bsm
    case black76

    /// Input columns before the volatility (or price) column.
    var underlyingColumns: [String] {
        switch self {
        case .bsm: ["S", "K", "T", "r", "q"]
        case .black76: ["F", "K", "T", "r"]
        }
    }
}

extension CSVTable {
    /// `C`/`P` (also `call`/`put`, any case).
    func optionType(_ row: Row, _ column: Int) throws(InputError) -> OptionType {
        switch row.cells[column].trimmingSpaces().lowercased() {
        case "c", "call": return .call
        case "p", "put": return .put
        case let other:
            throw InputError(file: file, line: row.line, field: header[column], message: "unknown option type '\(other)', expected C or P")
        }
    }
}
