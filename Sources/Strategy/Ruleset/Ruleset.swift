import Foundation
import VolModels

/// Every threshold, weight and size the strategy uses, in one TOML file: `capital`, and the
/// tables `[regime]`, `[condor]`, `[hedge]`, `[risk]`, `[baselines]` (see each rules type for the keys and
/// their documented defaults). A file overrides only what it names; unknown keys and invalid
/// values are errors naming the field. The SHA-256 of the canonical JSON form stamps every
/// decision, so a signal can always be traced to the exact rules that produced it.
public struct Ruleset: Sendable, Codable, Equatable {
    /// Account size in dollars that condor size and hedge budgets are fractions of.
    public var capital: Double = 1_000_000
    public var regime = RegimeRules()
    public var condor = CondorRules()
    public var hedge = HedgeRules()
    public var risk = RiskPolicy()
    public var baselines = BaselineRules()

    public init() {}

    public static let standard = Ruleset()

    public func validate() throws(RulesetError) {
        guard capital.isFinite, capital > 0 else {
            throw RulesetError(field: "capital", reason: "must be a positive number of dollars (got \(capital))")
        }
        try regime.validate()
        try condor.validate()
        try hedge.validate()
        try risk.validate()
        try baselines.validate()
    }

    /// Loads a ruleset file over the defaults and validates it.
    public static func load(toml text: String, file: String) throws(RulesetError) -> Ruleset {
        let ruleset: Ruleset
        do {
            ruleset = try TOMLOverrides.decode(Ruleset(), toml: text, file: file)
        } catch {
            switch error {
            case .invalidParameter(let name, let reason): throw RulesetError(field: name, reason: reason)
            default: throw RulesetError(field: file, reason: error.description)
            }
        }
        try ruleset.validate()
        return ruleset
    }

    /// The canonical form hashed into every decision: JSON with sorted keys.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain value types cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// SHA-256 (hex) of `canonicalJSON`.
    public var contentHash: String { SHA256.hex(canonicalJSON) }

    /// The ruleset as TOML (what `vixshield ruleset show` prints).
    public func toml() throws -> String { try TOMLOverrides.render(self) }
}
