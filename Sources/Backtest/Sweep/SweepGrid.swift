import Foundation
import Strategy
import TOMLKit
import VolModels

/// A grid of ruleset variations from a TOML file: each top-level quoted dotted key names a
/// ruleset field and lists the values to try; the sweep runs the cartesian product. An optional
/// `[walk_forward]` table sets the fit and trade window lengths in sessions. Example:
///
///     "condor.short_delta" = [0.15, 0.16, 0.18]
///     "hedge.layer3_budget_of_risk" = [0.05, 0.10]
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
        // Values are read from TOMLKit directly: a detour through JSON text and Foundation's
        // JSON parser turned 0.035 into 0.03500000000000002.
        var fit = 252, trade = 63
        var axes: [(String, [String])] = []
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            if key == "walk_forward" {
                guard let wf = value.table else { throw RulesetError(field: key, reason: "must be a table") }
                for name in wf.keys where !["fit_sessions", "trade_sessions"].contains(name) {
                    throw RulesetError(field: "walk_forward.\(name)", reason: "unknown key (known: fit_sessions, trade_sessions)")
                }
                fit = try windowLength(wf, "fit_sessions", minimum: 2) ?? fit
                trade = try windowLength(wf, "trade_sessions", minimum: 1) ?? trade
                continue
            }
            guard key.contains("."), let values = value.array, !values.isEmpty else {
                throw RulesetError(field: key, reason: "a sweep axis must be a dotted ruleset field with a non-empty list of values")
            }
            axes.append((key, try values.map { element in
                if let string = element.string { return "\"\(string)\"" }
                if let int = element.int { return String(int) }
                // Shortest round-trip form (0.18, not 0.17999999999999999).
                if let double = element.double { return "\(double)" }
                if let bool = element.bool { return String(bool) }
                throw RulesetError(field: key, reason: "values must be numbers, strings or booleans")
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
            let ruleset = try base.overridden(toml: toml, file: file)
            try ruleset.validate()
            return Variant(settings: settings.map { (field: $0.0, value: $0.1) }, ruleset: ruleset)
        }
        return SweepGrid(variants: variants, fitSessions: fit, tradeSessions: trade)
    }

    /// A window length of at least `minimum` sessions (a fit window needs two returns for a
    /// Sharpe ratio).
    static func windowLength(_ table: TOMLTable, _ name: String, minimum: Int) throws -> Int? {
        guard let entry = table[name] else { return nil }
        guard let n = entry.int, n >= minimum else {
            throw RulesetError(field: "walk_forward.\(name)", reason: "must be an integer >= \(minimum)")
        }
        return n
    }
}
