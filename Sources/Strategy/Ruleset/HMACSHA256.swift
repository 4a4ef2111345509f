/// HMAC-SHA256 (RFC 2104 over FIPS 180-4 SHA-256), for signing webhook deliveries by the
/// Standard Webhooks scheme. Keys longer than the 64-byte block are hashed first; shorter ones
/// are zero-padded. Checked against the RFC 4231 test vectors.
public enum HMACSHA256 {
    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        let block = 64
        var k = key.count > block ? SHA256.digest(key) : key
        k += [UInt8](repeating: 0, count: block - k.count)
        let inner = SHA256.digest(k.map { $0 ^ 0x36 } + message)
        return SHA256.digest(k.map { $0 ^ 0x5c } + inner)
    }
}
