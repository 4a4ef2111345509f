import Foundation

/// A cell for CSV output: quoted (with "" escapes) when it holds a comma, a quote or a line
/// break, so passed-through text cells keep the row's shape.
public func csvCell(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Numbers in CLI output: 17 significant digits (`%.17g`), enough to round-trip every double.
public func formatNumber(_ value: Double) -> String {
    if value == 0 { return "0" }  // also folds -0, which carries no information here
    return String(format: "%.17g", value)
}
