/// A ruleset value out of its domain, naming the field by its dotted path in the TOML file
/// (e.g. `condor.short_delta` or `regime.quorum.k`).
public struct RulesetError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "ruleset field '\(field)': \(reason)" }
}
