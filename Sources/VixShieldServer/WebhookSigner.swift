import Foundation
import Strategy

/// Standard Webhooks signatures (standardwebhooks.com): the secret is `whsec_` + base64 of the
/// key; the signed content is `{webhook-id}.{webhook-timestamp}.{body}`; the header
/// `webhook-signature` is `v1,` + base64(HMAC-SHA256(key, content)).
public enum WebhookSigner {
    /// A new secret: 32 random bytes from the system's cryptographic generator.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return "whsec_" + Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }

    /// - Throws: a problem when the secret is not `whsec_` + base64.
    public static func signature(secret: String, id: String, timestamp: Int, body: String) throws -> String {
        guard secret.hasPrefix("whsec_"), let key = Data(base64Encoded: String(secret.dropFirst(6))) else {
            throw Problem(.internalError, detail: "a webhook secret is not whsec_ + base64")
        }
        let mac = HMACSHA256.mac(key: [UInt8](key), message: Array("\(id).\(timestamp).\(body)".utf8))
        return "v1," + Data(mac).base64EncodedString()
    }
}
