import Foundation

/// The JSON every result command and the server write: sorted keys (stable for scripts),
/// pretty-printed, ISO dates via `MarketDate`'s Codable, a final newline. One encoder so that
/// `GET /api/v1/signal` and `signal --json` are the same bytes.
public enum StableJSON {
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
