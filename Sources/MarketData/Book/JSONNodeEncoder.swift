import Foundation

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
