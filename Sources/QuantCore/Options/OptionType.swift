/// Call or put. `sign` is θ in the normalised Black formulas: +1 for a call, -1 for a put.
public enum OptionType: String, Sendable, CaseIterable, Codable {
    case call = "C"
    case put = "P"

    @inlinable public var sign: Double { self == .call ? 1 : -1 }
}
