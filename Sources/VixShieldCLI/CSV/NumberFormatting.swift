import Foundation

/// Numbers in CLI output: 17 significant digits (`%.17g`), enough to round-trip every double.
public func formatNumber(_ value: Double) -> String {
    if value == 0 { return "0" }  // also folds -0, which carries no information here
    return String(format: "%.17g", value)
}
