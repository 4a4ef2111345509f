/// A JSON value written straight to bytes in ``StableJSONWriter``'s format (Foundation's
/// pretty-printed, sorted-keys output), for a ``StableJSONBulkElement`` that writes itself
/// (`writeStableJSON`): a 2007-2026 report's 4,839 days went through the encoder's node tree,
/// its dynamic casts and its per-object key sort, most of the JSON's time.
///
/// The caller gives each object's keys in ascending UTF-8 byte order; keys must be ASCII (whose
/// byte order is Foundation's order and whose spellings are their only equal ones). Anything
/// else (a key out of order or repeated, a non-ASCII key, a non-finite number) throws
/// `StableJSONText.Declined`, and the element is encoded the ordinary way instead, which writes
/// the same bytes or reports the same error as without this path.
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

    /// A value written at `indent` spaces (the indentation of the line it starts on).
    init(indent: Int) {
        baseIndent = indent
        bytes = JSONBytes()
        bytes.bytes.reserveCapacity(1024)
    }

    private var indent: Int { levels.last.map { $0.indent + 2 } ?? baseIndent }

    /// Opens an object (as a member's value after `key`, an element, or the value itself).
    public mutating func beginObject() {
        let indent = self.indent
        bytes.bytes.append(UInt8(ascii: "{"))
        levels.append(Level(isObject: true, indent: indent))
    }

    public mutating func endObject() throws(Declined) {
        try close(isObject: true, bracket: UInt8(ascii: "}"))
    }

    /// Opens an array (as a member's value after `key`, an element, or the value itself).
    public mutating func beginArray() {
        let indent = self.indent
        bytes.bytes.append(UInt8(ascii: "["))
        levels.append(Level(isObject: false, indent: indent))
    }

    public mutating func endArray() throws(Declined) {
        try close(isObject: false, bracket: UInt8(ascii: "]"))
    }

    /// Starts the next member of the open object: its key, which must sort after the last.
    public mutating func key(_ key: String) throws(Declined) {
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
    }

    /// Starts the next element of the open array (before its value).
    public mutating func element() throws(Declined) {
        guard var level = levels.popLast(), !level.isObject else { throw Declined(reason: "an element outside an array") }
        startEntry(&level)
        levels.append(level)
    }

    /// A number as the writer prints it: `description` less a trailing `.0`.
    public mutating func number(_ value: Double) throws(Declined) {
        guard value.isFinite else { throw Declined(reason: "non-finite number \(value)") }
        StableJSONWriter.writeNumber(value, into: &bytes)
    }

    public mutating func number(_ value: Int) {
        bytes.bytes.append(contentsOf: value.description.utf8)
    }

    public mutating func string(_ value: String) {
        StableJSONWriter.writeString(value, into: &bytes.bytes)
    }

    /// The bytes written; every container must be closed.
    public func finished() throws(Declined) -> [UInt8] {
        guard levels.isEmpty else { throw Declined(reason: "\(levels.count) containers left open") }
        return bytes.bytes
    }

    private mutating func startEntry(_ level: inout Level) {
        bytes.bytes.append(contentsOf: level.count == 0 ? [UInt8(ascii: "\n")] : [UInt8(ascii: ","), UInt8(ascii: "\n")])
        StableJSONWriter.pad(level.indent + 2, into: &bytes.bytes)
        level.count += 1
    }

    private mutating func close(isObject: Bool, bracket: UInt8) throws(Declined) {
        guard let level = levels.popLast(), level.isObject == isObject else { throw Declined(reason: "a container closed that is not open") }
        // An empty container is the bracket, an empty line, then the closing bracket.
        bytes.bytes.append(UInt8(ascii: "\n"))
        if level.count == 0 { bytes.bytes.append(UInt8(ascii: "\n")) }
        StableJSONWriter.pad(level.indent, into: &bytes.bytes)
        bytes.bytes.append(bracket)
    }
}
