/// A flat little-endian byte format for caches the program writes and reads back itself (the
/// backtest's timeline cache, the store's content digest): fixed-width integers and IEEE-754
/// bit patterns (so a Double round-trips exactly, NaN payloads and signed zeros included),
/// strings and arrays prefixed by their count. It has no schema of its own: the reader must
/// ask for the fields in the order the writer wrote them, and every read is bounds-checked,
/// so a truncated or foreign file is an `ArchiveError`, never a crash.
public struct ArchiveWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }
    public mutating func write(_ value: Double) { write(value.bitPattern) }
    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    public mutating func write(_ value: MarketDate) { write(value.dayNumber) }

    public mutating func write(_ value: String) {
        let utf8 = Array(value.utf8)
        write(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    /// nil is written as a 0 flag byte, a value as 1 and the value.
    public mutating func write(_ value: Double?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ values: [Double]) {
        write(values.count)
        for value in values { write(value) }
    }

    public mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    public mutating func write(_ values: [MarketDate]) {
        write(values.count)
        for value in values { write(value) }
    }

    public mutating func write(raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }
}

public enum ArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data ended before the field at `offset`.
    case truncated(offset: Int, needed: Int)
    /// A field's value is not one the writer can produce.
    case invalid(offset: Int, field: String)

    public var description: String {
        switch self {
        case let .truncated(offset, needed): "archive truncated at byte \(offset) (\(needed) more bytes needed)"
        case let .invalid(offset, field): "archive field \(field) at byte \(offset) is invalid"
        }
    }
}

/// Reads what an `ArchiveWriter` wrote, in the same order.
public struct ArchiveReader {
    let bytes: [UInt8]
    public private(set) var offset: Int
    /// Counts above this are refused before anything is allocated for them (a corrupt length
    /// must not ask for gigabytes).
    public static let maximumCount = 1 << 24

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func readUInt64() throws(ArchiveError) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw .truncated(offset: offset, needed: 8 - (bytes.count - offset)) }
        var value: UInt64 = 0
        for shift in 0..<8 { value |= UInt64(bytes[offset + shift]) << UInt64(8 * shift) }
        offset += 8
        return value
    }

    public mutating func readInt() throws(ArchiveError) -> Int { Int(Int64(bitPattern: try readUInt64())) }
    public mutating func readDouble() throws(ArchiveError) -> Double { Double(bitPattern: try readUInt64()) }
    public mutating func readDate() throws(ArchiveError) -> MarketDate { MarketDate(dayNumber: try readInt()) }

    public mutating func readBool(_ field: String) throws(ArchiveError) -> Bool {
        guard offset < bytes.count else { throw .truncated(offset: offset, needed: 1) }
        defer { offset += 1 }
        switch bytes[offset] {
        case 0: return false
        case 1: return true
        default: throw .invalid(offset: offset, field: field)
        }
    }

    /// A count written by the writer: non-negative and at most `maximumCount`.
    public mutating func readCount(_ field: String) throws(ArchiveError) -> Int {
        let start = offset
        let count = try readInt()
        guard (0...Self.maximumCount).contains(count) else { throw .invalid(offset: start, field: field) }
        return count
    }

    public mutating func readString(_ field: String) throws(ArchiveError) -> String {
        let count = try readCount(field)
        guard bytes.count - offset >= count else { throw .truncated(offset: offset, needed: count - (bytes.count - offset)) }
        let start = offset
        offset += count
        guard let text = String(validating: bytes[start..<offset], as: UTF8.self) else { throw .invalid(offset: start, field: field) }
        return text
    }

    public mutating func readOptionalDouble(_ field: String) throws(ArchiveError) -> Double? {
        try readBool(field) ? try readDouble() : nil
    }

    public mutating func readOptionalString(_ field: String) throws(ArchiveError) -> String? {
        try readBool(field) ? try readString(field) : nil
    }

    public mutating func readDoubles(_ field: String) throws(ArchiveError) -> [Double] {
        let count = try readCount(field)
        guard bytes.count - offset >= 8 * count else { throw .truncated(offset: offset, needed: 8 * count - (bytes.count - offset)) }
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try readDouble()) }
        return values
    }

    public mutating func readStrings(_ field: String) throws(ArchiveError) -> [String] {
        let count = try readCount(field)
        var values: [String] = []
        for _ in 0..<count { values.append(try readString(field)) }
        return values
    }

    public mutating func readDates(_ field: String) throws(ArchiveError) -> [MarketDate] {
        let count = try readCount(field)
        guard bytes.count - offset >= 8 * count else { throw .truncated(offset: offset, needed: 8 * count - (bytes.count - offset)) }
        var values: [MarketDate] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try readDate()) }
        return values
    }
}
