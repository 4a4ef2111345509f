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
        let ruleset = try Ruleset().overridden(toml: text, file: file)
        try ruleset.validate()
        return ruleset
    }

    /// This ruleset with a TOML file's keys applied over it (renamed keys migrated), not yet
    /// validated: what `load` and a sweep's variants read.
    public func overridden(toml text: String, file: String) throws(RulesetError) -> Ruleset {
        do {
            return try TOMLOverrides.decode(self, toml: text, file: file) { overrides throws(VolModelError) in
                try Self.migrateLegacyKeys(overrides, base: self)
            }
        } catch {
            switch error {
            case .invalidParameter(let name, let reason): throw RulesetError(field: name, reason: reason)
            default: throw RulesetError(field: file, reason: error.description)
            }
        }
    }

    /// A hedge budget written under its old key (a fraction of capital) becomes the same
    /// dollars under its new key (a multiple of the condor risk budget): divided by the
    /// `condor.max_loss_fraction` in force (the file's own, else `base`'s). Both keys at once
    /// are an error, since they would say two things.
    static func migrateLegacyKeys(_ overrides: [String: Any], base: Ruleset) throws(VolModelError) -> [String: Any] {
        guard var hedge = overrides["hedge"] as? [String: Any] else { return overrides }
        var result = overrides
        let condor = overrides["condor"] as? [String: Any]
        for (old, new) in HedgeRules.legacyKeys {
            guard let value = hedge[old] else { continue }
            guard hedge[new] == nil else {
                throw .invalidParameter(name: "hedge.\(old)", reason: "renamed to hedge.\(new) (a multiple of the condor risk budget): give one of them")
            }
            let fraction: Double
            if let given = condor?["max_loss_fraction"] {
                guard let number = Self.number(given) else {
                    throw .invalidParameter(name: "condor.max_loss_fraction", reason: "must be a number")
                }
                fraction = number
            } else {
                fraction = base.condor.maxLossFraction
            }
            guard fraction.isFinite, fraction > 0 else {
                throw .invalidParameter(name: "condor.max_loss_fraction", reason: "must be > 0 to convert hedge.\(old) (got \(fraction))")
            }
            guard let number = Self.number(value) else {
                throw .invalidParameter(name: "hedge.\(old)", reason: "must be a number (a fraction of capital; renamed to hedge.\(new))")
            }
            hedge[new] = number / fraction
            hedge.removeValue(forKey: old)
        }
        result["hedge"] = hedge
        return result
    }

    /// A JSON number as a Double; nil for anything else, booleans included (Foundation bridges
    /// `true` and `1` to the same NSNumber type family: a boolean is the one whose C type is
    /// `char`).
    static func number(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number.doubleValue
    }

    /// The condor risk budget R in dollars for `capital` (the condor book's maximum loss at
    /// full size): what every hedge budget is a multiple of.
    public func condorRiskBudget(capital: Double) -> Double { capital * condor.maxLossFraction }

    /// The canonical form hashed into every decision: JSON with sorted keys.
    ///
    /// JSON has no NaN or infinity, and `JSONEncoder` refuses them by default: an unvalidated
    /// ruleset holding one (validation refuses them) is written with them as strings, so its
    /// hash still names its content. The ruleset's fields are plain numbers, strings, flags and
    /// arrays of them, whose encoding then cannot fail; were it ever to, the ruleset's own
    /// description (its content too) is hashed instead, never an empty string that every such
    /// ruleset would share. (A dictionary or set field would make that description's order
    /// vary: the fallback would then need a canonical form of its own.)
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            return String(describing: self)
        }
    }

    /// SHA-256 (hex) of `canonicalJSON`.
    public var contentHash: String { SHA256.hex(canonicalJSON) }

    /// The ruleset as TOML (what `vixshield ruleset show` prints).
    public func toml() throws -> String { try TOMLOverrides.render(self) }
}
