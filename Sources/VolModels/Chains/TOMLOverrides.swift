import Foundation
import TOMLKit

/// Reads a TOML file as overrides of a Codable value's defaults: every table and key is optional
/// (what the file leaves out keeps its documented default, so a file can override one number),
/// unknown keys are errors (a typo must not silently leave a default in place), and the merged
/// value is decoded and returned. Shared by model configs and rulesets.
public enum TOMLOverrides {
    /// - Parameter migrate: rewrites the file's keys before they are merged (renamed keys).
    public static func decode<T: Codable>(
        _ defaults: T, toml text: String, file: String, migrate: ([String: Any]) throws(VolModelError) -> [String: Any] = { $0 }
    ) throws(VolModelError) -> T {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            throw .invalidParameter(name: file, reason: "not valid TOML: \(error)")
        }
        var merged: [String: Any]
        do {
            let base = try JSONEncoder().encode(defaults)
            merged = try JSONSerialization.jsonObject(with: base) as! [String: Any]
            let overrides = try migrate(JSONSerialization.jsonObject(with: Data(table.convert(to: .json).utf8)) as! [String: Any])
            try merge(overrides, into: &merged, path: "")
        } catch let error as VolModelError { throw error } catch {
            throw .invalidParameter(name: file, reason: "cannot read: \(error)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: merged))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .invalidParameter(name: path.isEmpty ? file : path, reason: context.debugDescription)
        } catch {
            throw .invalidParameter(name: file, reason: "bad value: \(error)")
        }
    }

    /// TOML text for a value (used by `ruleset show`). TOMLKit writes floats with 17
    /// significant digits (0.20000000000000001); each float outside quotes is rewritten in the
    /// shortest form that reads back to the same double (0.2).
    public static func render<T: Encodable>(_ value: T) throws -> String {
        shortestFloats(try TOMLEncoder().encode(value))
    }

    static func shortestFloats(_ text: String) -> String {
        var out = ""
        var token = ""
        var quote: Character?
        func flush() {
            if token.contains("."), let double = Double(token), double.isFinite, token.first.map({ $0.isNumber || $0 == "-" || $0 == "+" }) == true {
                out += "\(double)"
            } else {
                out += token
            }
            token = ""
        }
        for character in text {
            if let open = quote {
                out.append(character)
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                flush()
                quote = character
                out.append(character)
            } else if character.isNumber || character == "." || character == "-" || character == "+" || character == "e" || character == "E" {
                token.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
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

extension ChainModelParameters {
    /// Parameters from a TOML config (see `TOMLOverrides`), validated.
    public static func load(toml text: String, file: String) throws(VolModelError) -> ChainModelParameters {
        let parameters = try TOMLOverrides.decode(ChainModelParameters(), toml: text, file: file)
        try parameters.validate()
        return parameters
    }
}
