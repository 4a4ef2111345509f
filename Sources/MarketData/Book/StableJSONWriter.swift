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
        let root = JSONSlot()
        try JSONNodeEncoder(slot: root, codingPath: []).encodeValue(value)
        guard let node = root.node else { throw Unsupported(reason: "top-level value encoded nothing") }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        try write(node, indent: 0, into: &out)
        return out
    }

    private static func write(_ node: JSONNode, indent: Int, into out: inout [UInt8]) throws {
        switch node {
        case .literal(let text):
            out.append(contentsOf: text.utf8)
        case .string(let text):
            writeString(text, into: &out)
        case .object(let object):
            let members = try object.sortedMembers()
            out.append(UInt8(ascii: "{"))
            out.append(UInt8(ascii: "\n"))
            for (i, member) in members.enumerated() {
                pad(indent + 2, into: &out)
                writeString(member.key, into: &out)
                out.append(contentsOf: " : ".utf8)
                try write(try filled(member.value), indent: indent + 2, into: &out)
                if i + 1 < members.count { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
            }
            if members.isEmpty { out.append(UInt8(ascii: "\n")) }
            pad(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        case .array(let array):
            out.append(UInt8(ascii: "["))
            out.append(UInt8(ascii: "\n"))
            for (i, element) in array.elements.enumerated() {
                pad(indent + 2, into: &out)
                try write(try filled(element), indent: indent + 2, into: &out)
                if i + 1 < array.elements.count { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
            }
            if array.elements.isEmpty { out.append(UInt8(ascii: "\n")) }
            pad(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        }
    }

    /// A value whose `encode(to:)` wrote nothing: Foundation's handling of it is its own affair.
    private static func filled(_ slot: JSONSlot) throws -> JSONNode {
        guard let node = slot.node else { throw Unsupported(reason: "a value encoded nothing") }
        return node
    }

    private static func pad(_ n: Int, into out: inout [UInt8]) {
        for _ in 0..<n { out.append(UInt8(ascii: " ")) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
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

/// One encoded value: a number or literal's JSON text, a string, or a container.
enum JSONNode {
    case literal(String)
    case string(String)
    case object(JSONObject)
    case array(JSONArray)
}

/// Where a value goes; empty until the value's encoder writes it.
final class JSONSlot {
    var node: JSONNode?
}

final class JSONObject {
    var members: [(key: String, value: JSONSlot)] = []
    /// Keys given a nested container or a super encoder. Foundation merges a nested container
    /// into what the key already holds (and a super encoder writes when it is released), so a
    /// repeated key among these is left to Foundation.
    var nestedKeys: Set<String> = []

    /// Members in UTF-8 byte order of their keys, the last write of a repeated key kept.
    /// Foundation's object is keyed by `String` equality, under which two different byte
    /// spellings of one canonical string (a precomposed é and e + U+0301) are one key; such an
    /// object is left to Foundation (`Unsupported`).
    func sortedMembers() throws -> [(key: String, value: JSONSlot)] {
        // For ASCII keys String's own order and equality are the byte order and equality, and
        // cheaper than walking UTF-8 views.
        let ascii = members.allSatisfy { $0.key.utf8.allSatisfy { $0 < 0x80 } }
        if !ascii {
            let strings = Set(members.map(\.key))
            var spellings = Set<[UInt8]>()
            for m in members { spellings.insert(Array(m.key.utf8)) }
            if strings.count != spellings.count {
                throw StableJSONWriter.Unsupported(reason: "keys equal as strings but spelled differently")
            }
        }
        func less(_ a: String, _ b: String) -> Bool { ascii ? a < b : a.utf8.lexicographicallyPrecedes(b.utf8) }
        func same(_ a: String, _ b: String) -> Bool { ascii ? a == b : a.utf8.elementsEqual(b.utf8) }
        var sorted = members
        if !nestedKeys.isEmpty, members.count > 1 {
            var seen = Set<String>()
            for member in members where !seen.insert(member.key).inserted && nestedKeys.contains(member.key) {
                throw StableJSONWriter.Unsupported(reason: "a nested container for a repeated key")
            }
        }
        if sorted.count <= 32 {
            // Stable insertion sort: equal keys keep their write order.
            for i in sorted.indices.dropFirst() {
                let member = sorted[i]
                var j = i
                while j > 0, less(member.key, sorted[j - 1].key) {
                    sorted[j] = sorted[j - 1]
                    j -= 1
                }
                if j != i { sorted[j] = member }
            }
        } else {
            let order = members.indices.sorted { a, b in
                if same(members[a].key, members[b].key) { return a < b }
                return less(members[a].key, members[b].key)
            }
            sorted = order.map { members[$0] }
        }
        // A repeated key keeps its last write.
        guard zip(sorted, sorted.dropFirst()).contains(where: { same($0.0.key, $0.1.key) }) else { return sorted }
        var unique: [(key: String, value: JSONSlot)] = []
        unique.reserveCapacity(sorted.count)
        for (n, member) in sorted.enumerated() where n + 1 == sorted.count || !same(sorted[n + 1].key, member.key) {
            unique.append(member)
        }
        return unique
    }

    func slot(for key: String) -> JSONSlot {
        let slot = JSONSlot()
        members.append((key, slot))
        return slot
    }

    func nestedSlot(for key: String) -> JSONSlot {
        nestedKeys.insert(key)
        return slot(for: key)
    }
}

final class JSONArray {
    var elements: [JSONSlot] = []
}

/// The `Encoder` one value is encoded with; its containers write into `slot`.
struct JSONNodeEncoder: Encoder {
    let slot: JSONSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The types Foundation's `JSONEncoder` does not encode through their own `encode(to:)`.
    private static let special: Set<ObjectIdentifier> = [
        ObjectIdentifier(Date.self), ObjectIdentifier(Data.self), ObjectIdentifier(URL.self),
        ObjectIdentifier(Decimal.self),
    ]

    /// Encodes `value` into this encoder's slot, with the primitives written directly.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if let node = try Self.primitive(value) {
            slot.node = node
            return
        }
        let dynamicType = type(of: value)
        if Self.special.contains(ObjectIdentifier(dynamicType)) {
            throw StableJSONWriter.Unsupported(reason: "\(dynamicType) is encoded specially by Foundation")
        }
        try value.encode(to: self)
    }

    /// The primitives' JSON, by metatype identity (a pointer compare each, where a dynamic cast
    /// per candidate type would cost more than the value's encoding).
    static func primitive<T: Encodable>(_ value: T) throws -> JSONNode? {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Double.self { return .literal(try number(unsafeBitCast(value, to: Double.self))) }
        if T.self == Int.self { return .literal(unsafeBitCast(value, to: Int.self).description) }
        if T.self == Bool.self { return .literal(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        if T.self == Float.self { return .literal(try number(unsafeBitCast(value, to: Float.self))) }
        if T.self == Int64.self { return .literal(unsafeBitCast(value, to: Int64.self).description) }
        if T.self == Int32.self { return .literal(unsafeBitCast(value, to: Int32.self).description) }
        if T.self == Int16.self { return .literal(unsafeBitCast(value, to: Int16.self).description) }
        if T.self == Int8.self { return .literal(unsafeBitCast(value, to: Int8.self).description) }
        if T.self == UInt.self { return .literal(unsafeBitCast(value, to: UInt.self).description) }
        if T.self == UInt64.self { return .literal(unsafeBitCast(value, to: UInt64.self).description) }
        if T.self == UInt32.self { return .literal(unsafeBitCast(value, to: UInt32.self).description) }
        if T.self == UInt16.self { return .literal(unsafeBitCast(value, to: UInt16.self).description) }
        if T.self == UInt8.self { return .literal(unsafeBitCast(value, to: UInt8.self).description) }
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, *), T.self == Int128.self || T.self == UInt128.self {
            throw StableJSONWriter.Unsupported(reason: "128-bit integers")
        }
        return nil
    }

    static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ v: F) throws -> String {
        guard v.isFinite else { throw StableJSONWriter.Unsupported(reason: "non-finite number \(v)") }
        var text = v.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObject
        if case .object(let existing) = slot.node {
            object = existing
        } else {
            object = JSONObject()
            slot.node = .object(object)
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArray
        if case .array(let existing) = slot.node {
            array = existing
        } else {
            array = JSONArray()
            slot.node = .array(array)
        }
        return JSONUnkeyedContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueContainer(encoder: self) }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    let codingPath: [any CodingKey]

    private func put(_ node: JSONNode, _ key: Key) { object.slot(for: key.stringValue).node = node }

    mutating func encodeNil(forKey key: Key) throws { put(.literal("null"), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.literal(value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        put(.literal(try JSONNodeEncoder.number(value)), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        put(.literal(try JSONNodeEncoder.number(value)), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.literal(value.description), key) }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let slot = object.slot(for: key.stringValue)
        try JSONNodeEncoder(slot: slot, codingPath: codingPath + [key]).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        JSONNodeEncoder(slot: object.nestedSlot(for: key.stringValue), codingPath: codingPath + [key])
            .container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONNodeEncoder(slot: object.nestedSlot(for: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        JSONNodeEncoder(slot: object.nestedSlot(for: "super"), codingPath: codingPath + [SuperKey()])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONNodeEncoder(slot: object.nestedSlot(for: key.stringValue), codingPath: codingPath + [key])
    }

    private struct SuperKey: CodingKey {
        var stringValue: String { "super" }
        var intValue: Int? { nil }
        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let array: JSONArray
    let codingPath: [any CodingKey]
    var count: Int { array.elements.count }

    private struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    private func next() -> JSONSlot {
        let slot = JSONSlot()
        array.elements.append(slot)
        return slot
    }

    mutating func encodeNil() throws { next().node = .literal("null") }
    mutating func encode(_ value: Bool) throws { next().node = .literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { next().node = .string(value) }
    mutating func encode(_ value: Double) throws { next().node = .literal(try JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { next().node = .literal(value.description) }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: Int128) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: UInt128) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(intValue: count)]
        try JSONNodeEncoder(slot: next(), codingPath: path).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(intValue: count)]
        return JSONNodeEncoder(slot: next(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(intValue: count)]
        return JSONNodeEncoder(slot: next(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [IndexKey(intValue: count)]
        return JSONNodeEncoder(slot: next(), codingPath: path)
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONNodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.slot.node = .literal("null") }
    mutating func encode(_ value: Bool) throws { encoder.slot.node = .literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.slot.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.slot.node = .literal(try JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { encoder.slot.node = .literal(try JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { encoder.slot.node = .literal(value.description) }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: Int128) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: UInt128) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}
