import MarketData

/// `--json` output: `StableJSON`, the encoder the server shares.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String { try StableJSON.encode(value) }
}
