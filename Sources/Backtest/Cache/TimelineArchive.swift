import Foundation
import MarketData

/// The payload of a cached timeline: the number of sessions, each session's byte offset, then
/// the sessions' records (`MarketDay.archive`). The offsets let the sessions be read back on
/// all cores, each from its own place.
enum TimelineArchive {
    static func payload(_ records: [[UInt8]]) -> [UInt8] {
        var out = ArchiveWriter(capacity: records.reduce(8 * (records.count + 1)) { $0 + $1.count })
        out.write(records.count)
        var offset = 8 * (records.count + 1)
        for record in records {
            out.write(offset)
            offset += record.count
        }
        for record in records { out.write(raw: record) }
        return out.bytes
    }

    /// Reads `sessions` records with `read`, each of which must consume exactly its record.
    static func days<T: Sendable>(
        _ payload: [UInt8], sessions: [MarketDate], parallel: Bool, read: @Sendable (inout ArchiveReader, Int) throws -> T
    ) throws -> [T] {
        var header = ArchiveReader(payload)
        guard try header.readCount("sessions") == sessions.count else { throw ArchiveError.invalid(offset: 0, field: "sessions") }
        var offsets: [Int] = []
        for _ in 0...sessions.count - 1 { offsets.append(try header.readInt()) }
        offsets.append(payload.count)
        for index in 0..<sessions.count where !(header.offset...payload.count).contains(offsets[index]) || offsets[index] > offsets[index + 1] {
            throw ArchiveError.invalid(offset: 8 * (index + 1), field: "offset")
        }
        let bounds = offsets
        return try ParallelMap.map(sessions.count, parallel: parallel) { index in
            var reader = ArchiveReader(payload, offset: bounds[index])
            let value = try read(&reader, index)
            guard reader.offset == bounds[index + 1] else { throw ArchiveError.invalid(offset: reader.offset, field: "record \(index) length") }
            return value
        }
    }
}

/// A timeline's cache and the digest of the store it was built on.
struct CacheBinding: Sendable {
    var cache: TimelineCache
    var storeDigest: [UInt8]

    /// Parameters as JSON with sorted keys: the same parameters always give the same key.
    static func canonicalJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
