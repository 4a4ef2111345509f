import Foundation
import TOMLKit

extension ChainModelParameters {
    /// Reads parameters from TOML. Every table and key is optional: what the file leaves out keeps
    /// its documented default, so a config can override one number. Unknown keys are errors (a
    /// typo must not silently leave a default in place). Example:
    ///
    ///     [surface]
    ///     rho = -0.65
    ///     [events]
    ///     fomc = 1.2e-4
    public static func load(toml text: String, file: String) throws(VolModelError) -> ChainModelParameters {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            throw .invalidParameter(name: file, reason: "not valid TOML: \(error)")
        }
        // Merge the file over the defaults through JSON, which both sides speak.
        var merged: [String: Any]
        do {
            let defaults = try JSONEncoder().encode(ChainModelParameters())
            merged = try JSONSerialization.jsonObject(with: defaults) as! [String: Any]
            let overrides = try JSONSerialization.jsonObject(with: Data(table.convert(to: .json).utf8)) as! [String: Any]
            try merge(overrides, into: &merged, path: "")
        } catch let error as VolModelError { throw error } catch {
            throw .invalidParameter(name: file, reason: "cannot read: \(error)")
        }
        let parameters: ChainModelParameters
        do {
            parameters = try JSONDecoder().decode(ChainModelParameters.self, from: JSONSerialization.data(withJSONObject: merged))
        } catch {
            throw .invalidParameter(name: file, reason: "bad value: \(error)")
        }
        try parameters.validate()
        return parameters
    }

    private static func merge(_ overrides: [String: Any], into base: inout [String: Any], path: String) throws {
        for (key, value) in overrides {
            let name = path.isEmpty ? key : "\(path).\(key)"
            guard let existing = base[key] else {
                throw VolModelError.invalidParameter(name: name, reason: "unknown key (known: \(base.keys.sorted().joined(separator: ", ")))")
            }
            if var nested = existing as? [String: Any] {
                guard let overrideTable = value as? [String: Any] else {
                    throw VolModelError.invalidParameter(name: name, reason: "expected a table")
                }
                try merge(overrideTable, into: &nested, path: name)
                base[key] = nested
            } else {
                base[key] = value
            }
        }
    }
}
