/// A JSON value written straight to bytes in ``StableJSONWriter``'s format (Foundation's
/// pretty-printed, sorted-keys output), for a ``StableJSONBulkElement`` that writes itself
/// (`writeStableJSON`): a 2007-2026 report's 4,839 days went through the encoder's node tree,
/// its dynamic casts and its per-object key sort, most of the JSON's time.
///
/// The caller gives each object's keys in ascending UTF-8 byte order; keys must be ASCII (whose
/// byte order is Foundation's order and whose spellings are their only equal ones). A key out of
/// order or repeated, a non-ASCII key, a non-finite number, or a call out of sequence (a value
/// with no key or element before it, a key or an element left without its value, a container
/// closed as the other kind or left open, a second top-level value) throws
/// `StableJSONText.Declined`, and the element is encoded the ordinary way instead, which writes
/// the same bytes or reports the same error as without this path. What the text cannot check is
/// that a direct write holds every field `encode(to:)` writes: each type that writes itself is
/// tested against its encoding.
public struct StableJSONText {
    /// Why a direct write was given up (the element then takes the encoder's path).
    public struct Declined: Error {
        public let reason: String
    }

    private struct Level {
        var isObject: Bool
        var indent: Int
        var count = 0
        var lastKey: String?
    }

    var bytes: JSONBytes
    private var levels: [Level] = []
    private let baseIndent: Int
    /// A value is due: at the start, and after a key or an element.
    private var expectingValue = true

    /// A value written at `indent` spaces (the indentation of the line it starts on).
    init(indent: Int) {
        baseIndent = indent
        bytes = JSONBytes()
        bytes.bytes.reserveCapacity(1024)
    }

    private var indent: Int { levels.last.map { $0.indent + 2 } ?? baseIndent }

    /// Opens an object (as a member's value after `key`, an element, or the value itself).
    public mutating func beginObject() throws(Declined) {
        try open(isObject: true, bracket: UInt8(ascii: "{"))
    }

    public mutating func endObject() throws(Declined) {
        try close(isObject: true, bracket: UInt8(ascii: "}"))
    }

    /// Opens an array (as a member's value after `key`, an element, or the value itself).
    public mutating func beginArray() throws(Declined) {
        try open(isObject: false, bracket: UInt8(ascii: "["))
    }

    public mutating func endArray() throws(Declined) {
        try close(isObject: false, bracket: UInt8(ascii: "]"))
    }

    /// Starts the next member of the open object: its key, which must sort after the last.
    public mutating func key(_ key: String) throws(Declined) {
        guard !expectingValue else { throw Declined(reason: "key \(key) where a value is due") }
        guard var level = levels.popLast(), level.isObject else { throw Declined(reason: "a key outside an object") }
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else { throw Declined(reason: "non-ASCII key \(key)") }
        if let last = level.lastKey, !last.utf8.lexicographicallyPrecedes(key.utf8) {
            throw Declined(reason: "key \(key) after \(last)")
        }
        startEntry(&level)
        StableJSONWriter.writeString(key, into: &bytes.bytes)
        bytes.bytes.append(contentsOf: StableJSONWriter.separator)
        level.lastKey = key
        levels.append(level)
        expectingValue = true
    }

    /// Starts the next element of the open array (before its value).
    public mutating func element() throws(Declined) {
        guard !expectingValue else { throw Declined(reason: "an element where a value is due") }
        guard var level = levels.popLast(), !level.isObject else { throw Declined(reason: "an element outside an array") }
        startEntry(&level)
        levels.append(level)
        expectingValue = true
    }

    /// A number as the writer prints it: `description` less a trailing `.0`.
    public mutating func number(_ value: Double) throws(Declined) {
        guard value.isFinite else { throw Declined(reason: "non-finite number \(value)") }
        try self.value()
        StableJSONWriter.writeNumber(value, into: &bytes)
    }

    public mutating func number(_ value: Int) throws(Declined) {
        try self.value()
        bytes.bytes.append(contentsOf: value.description.utf8)
    }

    public mutating func string(_ value: String) throws(Declined) {
        try self.value()
        StableJSONWriter.writeString(value, into: &bytes.bytes)
    }

    /// The bytes written: one value, every container closed.
    public func finished() throws(Declined) -> [UInt8] {
        guard levels.isEmpty else { throw Declined(reason: "\(levels.count) containers left open") }
        guard !expectingValue else { throw Declined(reason: "no value written") }
        return bytes.bytes
    }

    /// A value starts: one must be due (the top-level value, or after a key or an element).
    private mutating func value() throws(Declined) {
        guard expectingValue else {
            throw Declined(reason: levels.isEmpty ? "a second top-level value" : "a value with no key or element before it")
        }
        expectingValue = false
    }

    private mutating func startEntry(_ level: inout Level) {
        if level.count > 0 { bytes.bytes.append(UInt8(ascii: ",")) }
        bytes.bytes.append(UInt8(ascii: "\n"))
        StableJSONWriter.pad(level.indent + 2, into: &bytes.bytes)
        level.count += 1
    }

    private mutating func open(isObject: Bool, bracket: UInt8) throws(Declined) {
        try value()
        let indent = self.indent
        bytes.bytes.append(bracket)
        levels.append(Level(isObject: isObject, indent: indent))
    }

    private mutating func close(isObject: Bool, bracket: UInt8) throws(Declined) {
        guard !expectingValue else { throw Declined(reason: "a container closed where a value is due") }
        guard let level = levels.popLast(), level.isObject == isObject else { throw Declined(reason: "a container closed that is not open") }
        // An empty container is the bracket, an empty line, then the closing bracket.
        bytes.bytes.append(UInt8(ascii: "\n"))
        if level.count == 0 { bytes.bytes.append(UInt8(ascii: "\n")) }
        StableJSONWriter.pad(level.indent, into: &bytes.bytes)
        bytes.bytes.append(bracket)
    }
}
