import Foundation

/// The JSON every result command and the server write: sorted keys (stable for scripts),
/// pretty-printed, ISO dates via `MarketDate`'s Codable, a final newline. One encoder so that
/// `GET /api/v1/signal` and `signal --json` are the same bytes.
///
/// The bytes are Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`; ``StableJSONWriter`` writes them directly, and a document it does
/// not handle (a Foundation-special type, a non-finite number) goes to Foundation whole.
public enum StableJSON {
    public static func encode(_ value: some Encodable) throws -> String {
        // The writer follows swift-foundation's encoder (Linux, and Darwin from macOS 14); the
        // older Darwin encoder sorted keys and wrote empty containers its own way.
        #if canImport(Darwin)
        if #unavailable(macOS 14, iOS 17, tvOS 17, watchOS 10) { return try foundationEncode(value) }
        #endif
        do {
            var bytes = try StableJSONWriter.encode(value)
            bytes.append(UInt8(ascii: "\n"))
            return String(decoding: bytes, as: UTF8.self)
        } catch is StableJSONWriter.Unsupported {
            return try foundationEncode(value)
        }
    }

    /// Foundation's encoding: the reference ``StableJSONWriter`` is checked against, and the
    /// path for what it refuses.
    static func foundationEncode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
