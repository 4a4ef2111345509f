import Foundation

/// The `Encoder` behind ``StableJSON``: Foundation's `JSONEncoder` output with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte for byte, without its
/// per-value dynamic casts and boxing (a 2007-2026 backtest report is 3.7 MB of JSON, which
/// Foundation took about a tenth of a cached run to write).
///
/// The format it reproduces (checked against Foundation by `StableJSONWriterTests` on seeded
/// random documents and on real reports):
/// - two spaces per level; `"key" : value`; members and elements one per line, `,` at the end
///   of all but the last; an empty object or array is the bracket, an empty line, then the
///   closing bracket at the parent's indentation;
/// - keys sorted by their UTF-8 bytes (Unicode scalar order, no normalisation); a key written
///   twice keeps its last value; `encodeIfPresent` of nil writes nothing, `encodeNil` `null`;
/// - integers by `description`; `Double` and `Float` by `description` less a trailing `.0`
///   (so 3.0 is `3`, 1e21 is `1e+21`); a non-finite value is refused (`Unsupported`);
/// - strings escape `"`, `\`, `\b \f \n \r \t` and other controls below U+0020 as `\u00xx`
///   (lowercase hex); `/` and everything else pass through as UTF-8.
///
/// `Date`, `Data`, `URL` and `Decimal`, which Foundation special-cases, are refused
/// (`Unsupported`), as is any value Foundation would reject; ``StableJSON`` then hands the whole
/// document to Foundation, so the bytes (or the error) are Foundation's in every case.
enum StableJSONWriter {
    struct Unsupported: Error { let reason: String }

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = JSONRoot()
        try JSONNodeEncoder(sink: .root(root), parent: nil, key: nil).encodeValue(value)
        guard let node = root.node else { throw Unsupported(reason: "top-level value encoded nothing") }
        var out = JSONBytes()
        out.bytes.reserveCapacity(1 << 16)
        try write(node, indent: 0, into: &out)
        return out.bytes
    }

    static func write(_ node: JSONNode, indent: Int, into out: inout JSONBytes) throws {
        switch node {
        case .raw(let bytes):
            out.bytes.append(contentsOf: bytes)
        case .literal(let text):
            out.bytes.append(contentsOf: text.utf8)
        case .null:
            out.bytes.append(contentsOf: "null".utf8)
        case .bool(let value):
            out.bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value):
            out.bytes.append(contentsOf: value.description.utf8)
        case .double(let value):
            writeNumber(value, into: &out)
        case .string(let text):
            writeString(text, into: &out.bytes)
        case .object(let object):
            try object.withSortedOrder { order in
                out.bytes.append(UInt8(ascii: "{"))
                out.bytes.append(UInt8(ascii: "\n"))
                for (i, index) in order.enumerated() {
                    pad(indent + 2, into: &out.bytes)
                    writeString(object.members[index].key, into: &out.bytes)
                    out.bytes.append(contentsOf: separator)
                    try write(try filled(object.members[index].value), indent: indent + 2, into: &out)
                    if i + 1 < order.count { out.bytes.append(UInt8(ascii: ",")) }
                    out.bytes.append(UInt8(ascii: "\n"))
                }
                if order.isEmpty { out.bytes.append(UInt8(ascii: "\n")) }
                pad(indent, into: &out.bytes)
                out.bytes.append(UInt8(ascii: "}"))
            }
        case .array(let array):
            out.bytes.append(UInt8(ascii: "["))
            out.bytes.append(UInt8(ascii: "\n"))
            let count = array.elements.count
            for i in 0..<count {
                pad(indent + 2, into: &out.bytes)
                try write(try filled(array.elements[i]), indent: indent + 2, into: &out)
                if i + 1 < count { out.bytes.append(UInt8(ascii: ",")) }
                out.bytes.append(UInt8(ascii: "\n"))
            }
            if count == 0 { out.bytes.append(UInt8(ascii: "\n")) }
            pad(indent, into: &out.bytes)
            out.bytes.append(UInt8(ascii: "]"))
        }
    }

    /// `description` (which `write(to:)` prints) less a trailing ".0", as Foundation.
    static func writeNumber(_ value: Double, into out: inout JSONBytes) {
        value.write(to: &out)
        let n = out.bytes.count
        if n >= 2, out.bytes[n - 1] == UInt8(ascii: "0"), out.bytes[n - 2] == UInt8(ascii: ".") { out.bytes.removeLast(2) }
    }

    /// A value whose `encode(to:)` wrote nothing: Foundation's handling of it is its own affair.
    private static func filled(_ node: JSONNode?) throws -> JSONNode {
        guard let node else { throw Unsupported(reason: "a value encoded nothing") }
        return node
    }

    static let separator: [UInt8] = Array(" : ".utf8)
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    static func pad(_ n: Int, into out: inout [UInt8]) {
        var n = n
        while n > 0 {
            let chunk = min(n, spaces.count)
            out.append(contentsOf: spaces[0..<chunk])
            n -= chunk
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Native strings hold contiguous UTF-8: scan and copy it as one buffer.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        if plain == nil, !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The output bytes, as a text stream: numbers print their digits straight into it (the
/// standard library hands `write(to:)`'s ASCII buffer to `_writeASCII`), with no `String` made
/// for each of a report's hundred thousand numbers.
struct JSONBytes: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}
