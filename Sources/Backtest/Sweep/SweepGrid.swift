import Foundation
import Strategy
import TOMLKit
import VolModels

/// A grid of ruleset variations from a TOML file: each top-level quoted dotted key names a
/// ruleset field and lists the values to try; the sweep runs the cartesian product. An optional
/// `[walk_forward]` table sets the fit and trade window lengths in sessions. Example:
///
///     "condor.short_delta" = [0.15, 0.16, 0.18]
///     "hedge.layer3_budget" = [0.01, 0.02]
///     [walk_forward]
///     fit_sessions = 252
///     trade_sessions = 63
public struct SweepGrid: Sendable {
    public struct Variant: Sendable, Equatable {
        /// `field = value` pairs, in grid order.
        public var settings: [(field: String, value: String)]
        public var ruleset: Ruleset
        public var label: String { settings.map { "\($0.field)=\($0.value)" }.joined(separator: " ") }

        public static func == (a: Variant, b: Variant) -> Bool { a.label == b.label && a.ruleset == b.ruleset }
    }

    public var variants: [Variant]
    public var fitSessions: Int
    public var tradeSessions: Int

    public static func load(toml text: String, file: String, base: Ruleset) throws -> SweepGrid {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            throw RulesetError(field: file, reason: "not valid TOML: \(error)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(table.convert(to: .json).utf8)) as? [String: Any] ?? [:]
        var fit = 252, trade = 63
        var axes: [(String, [String])] = []
        for key in json.keys.sorted() {
            if key == "walk_forward" {
                let wf = json[key] as? [String: Any] ?? [:]
                fit = (wf["fit_sessions"] as? NSNumber)?.intValue ?? fit
                trade = (wf["trade_sessions"] as? NSNumber)?.intValue ?? trade
                continue
            }
            guard key.contains("."), let values = json[key] as? [Any], !values.isEmpty else {
                throw RulesetError(field: key, reason: "a sweep axis must be a dotted ruleset field with a non-empty list of values")
            }
            axes.append((key, values.map { value in
                if let string = value as? String { return "\"\(string)\"" }
                if let number = value as? NSNumber {
                    // Shortest round-trip form (0.18, not 0.17999999999999999); whole numbers as integers.
                    let double = number.doubleValue
                    return double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : "\(double)"
                }
                return String(describing: value)
            }))
        }
        guard !axes.isEmpty else { throw RulesetError(field: file, reason: "no sweep axes") }
        var combinations: [[(String, String)]] = [[]]
        for (field, values) in axes {
            combinations = combinations.flatMap { prefix in values.map { prefix + [(field, $0)] } }
        }
        let variants = try combinations.map { settings -> Variant in
            // Group the settings by table: "condor.short_delta" → [condor] short_delta = …
            var tables: [String: [String]] = [:]
            var top: [String] = []
            for (field, value) in settings {
                let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
                if parts.count == 2 { tables[parts[0], default: []].append("\(parts[1]) = \(value)") } else { top.append("\(field) = \(value)") }
            }
            let toml = (top + tables.keys.sorted().flatMap { ["[\($0)]"] + tables[$0]! }).joined(separator: "\n")
            let ruleset: Ruleset
            do {
                ruleset = try TOMLOverrides.decode(base, toml: toml, file: file)
            } catch let error as VolModelError {
                if case .invalidParameter(let name, let reason) = error { throw RulesetError(field: name, reason: reason) }
                throw RulesetError(field: file, reason: error.description)
            }
            try ruleset.validate()
            return Variant(settings: settings.map { (field: $0.0, value: $0.1) }, ruleset: ruleset)
        }
        return SweepGrid(variants: variants, fitSessions: fit, tradeSessions: trade)
    }
}
