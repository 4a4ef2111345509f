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
            // `description` (which `write(to:)` prints) less a trailing ".0", as Foundation.
            value.write(to: &out)
            let n = out.bytes.count
            if n >= 2, out.bytes[n - 1] == UInt8(ascii: "0"), out.bytes[n - 2] == UInt8(ascii: ".") { out.bytes.removeLast(2) }
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

    /// A value whose `encode(to:)` wrote nothing: Foundation's handling of it is its own affair.
    private static func filled(_ node: JSONNode?) throws -> JSONNode {
        guard let node else { throw Unsupported(reason: "a value encoded nothing") }
        return node
    }

    private static let separator: [UInt8] = Array(" : ".utf8)
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static func pad(_ n: Int, into out: inout [UInt8]) {
        var n = n
        while n > 0 {
            let chunk = min(n, spaces.count)
            out.append(contentsOf: spaces[0..<chunk])
            n -= chunk
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, into out: inout [UInt8]) {
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

/// One encoded value. Numbers are kept as numbers and printed when written (a finite `Double`:
/// the encoder refuses the others); `literal` holds the text of the rarer scalar types.
enum JSONNode {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case literal(String)
    case string(String)
    case object(JSONObject)
    case array(JSONArray)
    /// An element already written at its final indentation (`StableJSONBulkElement`).
    case raw([UInt8])
}

/// The top-level value; empty until the value's encoder writes it.
final class JSONRoot {
    var node: JSONNode?
}

/// Where an encoder writes its value: the root, or a member or an element of a container
/// (nil until written). A member or an element is reserved before its value is encoded, so
/// that the order of writes is the order Foundation sees.
enum JSONSink {
    case root(JSONRoot)
    case member(JSONObject, Int)
    case element(JSONArray, Int)

    var node: JSONNode? {
        switch self {
        case .root(let root): root.node
        case .member(let object, let index): object.members[index].value
        case .element(let array, let index): array.elements[index]
        }
    }

    func set(_ node: JSONNode) {
        switch self {
        case .root(let root): root.node = node
        case .member(let object, let index): object.members[index].value = node
        case .element(let array, let index): array.elements[index] = node
        }
    }
}

final class JSONObject {
    var members: [(key: String, value: JSONNode?)] = []
    /// Keys given a nested container or a super encoder. Foundation merges a nested container
    /// into what the key already holds (and a super encoder writes when it is released), so a
    /// repeated key among these is left to Foundation.
    var nestedKeys: Set<String> = []

    /// Calls `body` with the members' indices in UTF-8 byte order of their keys, the last write
    /// of a repeated key kept (in a temporary buffer: no array per object of up to 32 members).
    /// Foundation's object
    /// is keyed by `String` equality, under which two different byte spellings of one canonical
    /// string (a precomposed é and e + U+0301) are one key; such an object is left to Foundation
    /// (`Unsupported`).
    func withSortedOrder(_ body: (UnsafeBufferPointer<Int>) throws -> Void) throws {
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
        if !nestedKeys.isEmpty, members.count > 1 {
            var seen = Set<String>()
            for member in members where !seen.insert(member.key).inserted && nestedKeys.contains(member.key) {
                throw StableJSONWriter.Unsupported(reason: "a nested container for a repeated key")
            }
        }
        let count = members.count
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: Swift.max(count, 1)) { order in
            for i in 0..<count { order[i] = i }
            if count <= 32 {
                // Stable insertion sort: equal keys keep their write order.
                for i in 1..<Swift.max(count, 1) {
                    let index = order[i]
                    var j = i
                    while j > 0, less(members[index].key, members[order[j - 1]].key) {
                        order[j] = order[j - 1]
                        j -= 1
                    }
                    if j != i { order[j] = index }
                }
            } else {
                let sorted = (0..<count).sorted { a, b in
                    if same(members[a].key, members[b].key) { return a < b }
                    return less(members[a].key, members[b].key)
                }
                for i in 0..<count { order[i] = sorted[i] }
            }
            // A repeated key keeps its last write: compact the order in place.
            var kept = 0
            for n in 0..<count where n + 1 == count || !same(members[order[n + 1]].key, members[order[n]].key) {
                order[kept] = order[n]
                kept += 1
            }
            try body(UnsafeBufferPointer(rebasing: order[0..<kept]))
        }
    }

    /// Appends `key` with its value.
    func put(_ key: String, _ node: JSONNode) {
        members.append((key, node))
    }

    /// Reserves a member for a value still to be encoded.
    func reserve(_ key: String) -> JSONSink {
        members.append((key, nil))
        return .member(self, members.count - 1)
    }

    func reserveNested(_ key: String) -> JSONSink {
        nestedKeys.insert(key)
        return reserve(key)
    }
}

final class JSONArray {
    var elements: [JSONNode?] = []

    func reserve() -> JSONSink {
        elements.append(nil)
        return .element(self, elements.count - 1)
    }
}

/// A container's coding path, as a chain to the root: read only when someone asks for a
/// `codingPath`, so an encoder pays one small object per container instead of an array per value.
/// Immutable once made, so bulk arrays' elements share their array's path across threads.
final class JSONPath: @unchecked Sendable {
    let parent: JSONPath?
    let key: any CodingKey

    init(parent: JSONPath?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func depth(_ path: JSONPath?) -> Int {
        var depth = 0
        var node = path
        while let current = node {
            depth += 1
            node = current.parent
        }
        return depth
    }

    static func keys(_ path: JSONPath?, then last: (any CodingKey)? = nil) -> [any CodingKey] {
        var keys: [any CodingKey] = last.map { [$0] } ?? []
        var node = path
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// The `Encoder` one value is encoded with: it writes into `sink`; its coding path is its
/// container's path (`parent`) and its own `key`.
struct JSONNodeEncoder: Encoder {
    let sink: JSONSink
    let parent: JSONPath?
    let key: (any CodingKey)?
    var codingPath: [any CodingKey] { JSONPath.keys(parent, then: key) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The path of a container this encoder opens.
    var containerPath: JSONPath? { key.map { JSONPath(parent: parent, key: $0) } ?? parent }

    /// The types Foundation's `JSONEncoder` does not encode through their own `encode(to:)`.
    private static let special: Set<ObjectIdentifier> = [
        ObjectIdentifier(Date.self), ObjectIdentifier(Data.self), ObjectIdentifier(URL.self),
        ObjectIdentifier(Decimal.self),
    ]

    /// Encodes `value` into this encoder's sink, with the primitives written directly.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if let node = try Self.primitive(value) {
            sink.set(node)
            return
        }
        let dynamicType = type(of: value)
        if Self.special.contains(ObjectIdentifier(dynamicType)) {
            throw StableJSONWriter.Unsupported(reason: "\(dynamicType) is encoded specially by Foundation")
        }
        // One conformance check per container value (cached by the runtime, about a millisecond
        // over a whole report), against tens of milliseconds saved on the report's days.
        if let bulk = value as? any StableJSONBulkArray, try bulk.encodeBulk(into: self) { return }
        try value.encode(to: self)
    }

    /// One element of a bulk array, encoded and written on its own at `indent`.
    static func render<T: Encodable>(_ value: T, parent: JSONPath?, index: Int, indent: Int) throws -> [UInt8] {
        let root = JSONRoot()
        try JSONNodeEncoder(sink: .root(root), parent: parent, key: JSONIndexKey(intValue: index)).encodeValue(value)
        guard let node = root.node else { throw StableJSONWriter.Unsupported(reason: "a value encoded nothing") }
        var out = JSONBytes()
        out.bytes.reserveCapacity(1024)
        try StableJSONWriter.write(node, indent: indent, into: &out)
        return out.bytes
    }

    /// The primitives' JSON, by metatype identity (a pointer compare each, where a dynamic cast
    /// per candidate type would cost more than the value's encoding).
    static func primitive<T: Encodable>(_ value: T) throws -> JSONNode? {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Double.self { return try number(unsafeBitCast(value, to: Double.self)) }
        if T.self == Int.self { return .int(unsafeBitCast(value, to: Int.self)) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Float.self { return try number(unsafeBitCast(value, to: Float.self)) }
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

    /// A finite `Double` as a number node (printed when written); anything else Foundation's.
    static func number(_ v: Double) throws -> JSONNode {
        guard v.isFinite else { throw StableJSONWriter.Unsupported(reason: "non-finite number \(v)") }
        return .double(v)
    }

    static func number(_ v: Float) throws -> JSONNode {
        guard v.isFinite else { throw StableJSONWriter.Unsupported(reason: "non-finite number \(v)") }
        var text = v.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .literal(text)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObject
        if case .object(let existing) = sink.node {
            object = existing
        } else {
            object = JSONObject()
            sink.set(.object(object))
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(object: object, path: containerPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArray
        if case .array(let existing) = sink.node {
            array = existing
        } else {
            array = JSONArray()
            sink.set(.array(array))
        }
        return JSONUnkeyedContainer(array: array, path: containerPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueContainer(encoder: self) }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    let path: JSONPath?
    var codingPath: [any CodingKey] { JSONPath.keys(path) }

    private func put(_ node: JSONNode, _ key: Key) { object.put(key.stringValue, node) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try JSONNodeEncoder.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(try JSONNodeEncoder.number(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.int(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.literal(value.description), key) }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let node = try JSONNodeEncoder.primitive(value) {
            put(node, key)
            return
        }
        try JSONNodeEncoder(sink: object.reserve(key.stringValue), parent: path, key: key).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        JSONNodeEncoder(sink: object.reserveNested(key.stringValue), parent: path, key: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONNodeEncoder(sink: object.reserveNested(key.stringValue), parent: path, key: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        JSONNodeEncoder(sink: object.reserveNested("super"), parent: path, key: SuperKey())
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONNodeEncoder(sink: object.reserveNested(key.stringValue), parent: path, key: key)
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
    let path: JSONPath?
    var codingPath: [any CodingKey] { JSONPath.keys(path) }
    var count: Int { array.elements.count }

    private func append(_ node: JSONNode) { array.elements.append(node) }

    /// An encoder for the next element, its key the element's index.
    private func nextEncoder() -> JSONNodeEncoder {
        let key = JSONIndexKey(intValue: count)
        return JSONNodeEncoder(sink: array.reserve(), parent: path, key: key)
    }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(try JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { append(.int(value)) }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: Int128) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: UInt128) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let node = try JSONNodeEncoder.primitive(value) {
            append(node)
            return
        }
        try nextEncoder().encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nextEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        nextEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        nextEncoder()
    }
}

/// An array element's key, spelled as Foundation spells it.
struct JSONIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONNodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.sink.set(.null) }
    mutating func encode(_ value: Bool) throws { encoder.sink.set(.bool(value)) }
    mutating func encode(_ value: String) throws { encoder.sink.set(.string(value)) }
    mutating func encode(_ value: Double) throws { encoder.sink.set(try JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { encoder.sink.set(try JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { encoder.sink.set(.int(value)) }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: Int128) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, *)
    mutating func encode(_ value: UInt128) throws { throw StableJSONWriter.Unsupported(reason: "128-bit integers") }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}
