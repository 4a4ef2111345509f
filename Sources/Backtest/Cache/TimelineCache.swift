import Crypto
import Foundation
import MarketData

/// Where prepared market timelines (and regime tapes) are kept on disk between runs, so that a
/// second `backtest` over the same history skips the calibrations (issue 14, item 3).
///
/// Each file is named by its key: SHA-256 over the cache format, the running code's identity
/// (the executable's and its numeric libraries' paths, sizes and modification times, the CPU's
/// feature flags and GLIBC_TUNABLES: a rebuilt binary, another libm or another CPU may compute
/// differently, so their caches are never read), the kind of content, the date range and model or regime
/// parameters (canonical JSON), and the SHA-256 of the store's whole content
/// (`MemoryMarketStore.canonicalContent`) and trading calendar. Any import that changes what
/// the store holds changes the key, so a stale file is simply never asked for. A file is read
/// only when its magic, its embedded key and the SHA-256 of its payload all match; anything
/// else (truncated, corrupt, foreign) is reported and rebuilt, never trusted.
public struct TimelineCache: Sendable {
    public let directory: String
    /// Identifies the code that writes and reads the cache; nil turns the cache off.
    public let codeIdentity: String?
    /// Files of `kind` kept in `directory` after a write (least recently used removed first):
    /// 12 timelines (up to about 8 MB each, 2007-2026), 1,024 regime tapes (26 KB for 2014-2018,
    /// about 100 KB for 2007-2026: as much as the timelines at most). A sweep over more regime
    /// rules than the bound rebuilds every tape on every run (the least recently used is always
    /// the next one asked for), and tapes are small.
    public static func keep(kind: String) -> Int { kind == "tape" ? 1_024 : 12 }
    static let magic = Array("VXSHTLC1".utf8)
    static let fileExtension = "vxcache"

    public init(directory: String, codeIdentity: String? = TimelineCache.executableIdentity) {
        self.directory = directory
        self.codeIdentity = codeIdentity
    }

    /// `$XDG_CACHE_HOME/vixshield/timelines`, by default `~/.cache/vixshield/timelines`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        return base + "/vixshield/timelines"
    }

    /// The running code: the executable's and every mapped shared library's path, size and
    /// modification time (libm, Foundation or the Swift runtime can change what a binary computes
    /// without the binary changing). nil when they cannot be read: the cache is then off rather
    /// than keyed by nothing.
    public static let executableIdentity: String? = {
        let manager = FileManager.default
        var paths: [String] = []
        do {
            paths.append(try manager.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        } catch {
            guard let main = Bundle.main.executablePath else { return nil }
            paths.append(main)
        }
        // The libraries that compute or print numbers (libm, libc, the Swift runtime, Foundation),
        // from /proc/self/maps (Linux; read to its end: procfs files have no size); elsewhere the
        // executable alone. Other mapped libraries (loaded on demand) would make the key vary.
        if let handle = FileHandle(forReadingAtPath: "/proc/self/maps") {
            // A failed read is no identity (the cache off, reported), never a shorter key.
            guard let data = TimelineCache.readAll(handle) else { return nil }
            let maps = String(decoding: data, as: UTF8.self)
            var libraries = Set<String>()
            for line in maps.split(separator: "\n") {
                guard let slash = line.firstIndex(of: "/") else { continue }
                let path = String(line[slash...])
                let name = path.split(separator: "/").last.map(String.init) ?? ""
                let numeric = ["libm.so", "libc.so", "libswift", "libFoundation", "lib_Foundation", "libdispatch"].contains { name.hasPrefix($0) }
                if numeric && name.contains(".so") { libraries.insert(path) }
            }
            paths += libraries.sorted()
        }
        var parts: [String] = []
        for path in paths {
            do {
                let attributes = try manager.attributesOfItem(atPath: path)
                guard let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date else { return nil }
                parts.append("\(path)|\(size.int64Value)|\(modified.timeIntervalSince1970)")
            } catch {
                return nil
            }
        }
        // libm picks its exp/log/pow variants by CPU feature (FMA, AVX2), and GLIBC_TUNABLES can
        // override the choice: a cache shared between machines must not mix them.
        if let handle = FileHandle(forReadingAtPath: "/proc/cpuinfo") {
            guard let data = TimelineCache.readAll(handle) else { return nil }
            let info = String(decoding: data, as: UTF8.self)
            parts.append(info.split(separator: "\n").first { $0.hasPrefix("flags") }.map(String.init) ?? "flags unknown")
        }
        parts.append("tunables \(ProcessInfo.processInfo.environment["GLIBC_TUNABLES"] ?? "")")
        return parts.joined(separator: "\n")
    }()

    /// A regular file's bytes, read straight into the array (no `Data` in between), or why they
    /// could not be read. A file that changes size while read fails here or, if it grew, the
    /// payload length and checksum checks that follow.
    static func readBytes(_ path: String) -> Result<[UInt8], CacheReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(CacheReadFailure(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(CacheReadFailure(errno)) }
        guard status.st_size >= 0 else { return .failure(CacheReadFailure(reason: "negative size \(status.st_size)")) }
        let size = Int(status.st_size)
        var failure: CacheReadFailure?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let n = readPOSIX(descriptor, buffer.baseAddress! + done, size - done)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = CacheReadFailure(errno) }
                guard n > 0 else { break }
                done += n
            }
            initialized = done
            if failure == nil, done < size { failure = CacheReadFailure(reason: "ended after \(done) of \(size) bytes") }
        }
        return failure.map { .failure($0) } ?? .success(bytes)
    }

    /// A procfs file to its end (it has no size), closed; nil when the read fails.
    private static func readAll(_ handle: FileHandle) -> Data? {
        defer { try? handle.close() }  // closing a file only read cannot lose anything
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            return nil
        }
    }

    /// SHA-256 of the store's content and the calendar's sessions: what every cache key of a
    /// timeline over this store includes.
    public static func storeDigest(_ store: MemoryMarketStore, calendar: TradingCalendar) -> [UInt8] {
        var hasher = Crypto.SHA256()
        store.writeCanonicalContent { hasher.update(data: $0) }
        var sessions = ArchiveWriter(capacity: 8 * calendar.sessions.count + 8)
        sessions.write(calendar.sessions)
        hasher.update(data: sessions.bytes)
        return Array(hasher.finalize())
    }

    /// The key of one cache file.
    func key(kind: String, storeDigest: [UInt8], parts: [String]) -> [UInt8]? {
        guard let codeIdentity else { return nil }
        var hasher = Crypto.SHA256()
        var header = ArchiveWriter()
        header.write("vixshield cache format 1")
        header.write(kind)
        header.write(codeIdentity)
        header.write(parts)
        hasher.update(data: header.bytes)
        hasher.update(data: storeDigest)
        return Array(hasher.finalize())
    }

    func path(kind: String, key: [UInt8]) -> String {
        directory + "/" + kind + "-" + key.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined() + "." + Self.fileExtension
    }

    enum Lookup {
        case missing
        case invalid(String)
        case payload([UInt8])
    }

    /// The payload stored under `key`, checked against its embedded key and checksum.
    func read(kind: String, key: [UInt8]) -> Lookup {
        let file = path(kind: kind, key: key)
        guard FileManager.default.fileExists(atPath: file) else { return .missing }
        var bytes: [UInt8]
        switch Self.readBytes(file) {
        case .success(let read): bytes = read
        case .failure(let failure): return .invalid("\(file) cannot be read: \(failure.reason)")
        }
        let header = Self.magic.count + 32 + 8 + 32
        guard bytes.count >= header, Array(bytes[0..<Self.magic.count]) == Self.magic else { return .invalid("\(file) is not a cache file") }
        var offset = Self.magic.count
        guard Array(bytes[offset..<offset + 32]) == key else { return .invalid("\(file) holds another key") }
        offset += 32
        let length: Int
        do {
            // The reader (a second reference to the bytes) ends with this block, so that the
            // header can be dropped below without copying the payload.
            var reader = ArchiveReader(bytes, offset: offset)
            length = try reader.readInt()
        } catch {
            return .invalid("\(file): \(error)")
        }
        offset += 8
        let checksum = Array(bytes[offset..<offset + 32])
        offset += 32
        guard length == bytes.count - offset else { return .invalid("\(file) is truncated (\(bytes.count - offset) of \(length) payload bytes)") }
        // Checked in place, then the header dropped in place (the payload moved down within its
        // buffer, not reallocated).
        let digest = bytes.withUnsafeBytes { all in Crypto.SHA256.hash(data: UnsafeRawBufferPointer(rebasing: all[offset...])) }
        guard Array(digest) == checksum else { return .invalid("\(file) fails its checksum") }
        bytes.removeFirst(offset)
        // A file in use is the newest of its kind for pruning. Failing to touch it only makes
        // it older in the pruning order.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file)
        return .payload(bytes)
    }

    /// Writes `payload` under `key` (atomically: a reader sees the old file or the new one),
    /// then removes the oldest files of the same kind beyond `keep(kind:)`.
    func write(kind: String, key: [UInt8], payload: [UInt8]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var out = ArchiveWriter(capacity: payload.count + 80)
        out.write(raw: Self.magic)
        out.write(raw: key)
        out.write(payload.count)
        out.write(raw: Crypto.SHA256.hash(data: payload))
        out.write(raw: payload)
        try Data(out.bytes).write(to: URL(fileURLWithPath: path(kind: kind, key: key)), options: .atomic)
        // Pruning is housekeeping: if it fails (the directory gone, no permission), older files
        // stay on disk, and the file just written is there all the same.
        try? prune(kind: kind)
    }

    /// Keeps the `keep(kind:)` most recently written or read files of `kind` (timelines and tapes are
    /// pruned apart: a sweep's many tapes never evict the timeline). A file another process
    /// removed meanwhile is simply gone.
    func prune(kind: String) throws {
        let manager = FileManager.default
        let names = try manager.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(kind + "-") && $0.hasSuffix("." + Self.fileExtension) }
        let keep = Self.keep(kind: kind)
        guard names.count > keep else { return }
        var dated: [(name: String, modified: Date)] = []
        for name in names {
            do {
                dated.append((name, try manager.attributesOfItem(atPath: directory + "/" + name)[.modificationDate] as? Date ?? .distantPast))
            } catch CocoaError.fileReadNoSuchFile, CocoaError.fileNoSuchFile {
                continue
            }
        }
        for old in dated.sorted(by: { $0.modified > $1.modified }).dropFirst(keep) {
            do {
                try manager.removeItem(atPath: directory + "/" + old.name)
            } catch CocoaError.fileNoSuchFile, CocoaError.fileReadNoSuchFile {
                continue
            }
        }
    }
}

/// What the cache did for one timeline or tape, for the command to report.
public enum TimelineCacheOutcome: Sendable, Equatable, CustomStringConvertible {
    /// No cache was asked for.
    case off
    /// A cache was asked for but the running code's identity cannot be read: not used.
    case unidentified
    /// Read from the cache: no calibration ran.
    case hit(path: String)
    /// Not in the cache: built and written.
    case built(path: String)
    /// A file was there but could not be trusted: built again and rewritten.
    case rebuilt(path: String, reason: String)
    /// Built, but writing the cache failed (the result is unaffected).
    case notWritten(reason: String)

    public var description: String {
        switch self {
        case .off: "off"
        case .unidentified: "off (the running executable's identity cannot be read)"
        case let .hit(path): "read from \(path)"
        case let .built(path): "built and written to \(path)"
        case let .rebuilt(path, reason): "rebuilt (\(reason)) and written to \(path)"
        case let .notWritten(reason): "built; not written (\(reason))"
        }
    }
}

extension TimelineCache {
    /// The value stored under `kind` and `key`, or `build()` written there. `decode` throws
    /// `ArchiveError` for content it cannot trust (the value is then built again); any other
    /// error is the data's and stops the command as it would without a cache.
    func value<T>(
        kind: String, key: [UInt8]?, decode: ([UInt8]) throws -> T, build: () throws -> T, encode: (T) -> [UInt8]
    ) throws -> (value: T, outcome: TimelineCacheOutcome) {
        guard let key else { return (try build(), .unidentified) }
        let file = path(kind: kind, key: key)
        var problem: String?
        switch read(kind: kind, key: key) {
        case .missing: break
        case .invalid(let reason): problem = reason
        case .payload(let payload):
            do {
                return (try decode(payload), .hit(path: file))
            } catch let error as ArchiveError {
                problem = "\(file): \(error)"
            }
        }
        let value = try build()
        do {
            try write(kind: kind, key: key, payload: encode(value))
        } catch {
            // The cache is an optimisation: a full disk or a read-only directory costs the next
            // run its speed, not this run its result. The outcome says so.
            return (value, .notWritten(reason: "\(file): \(error)"))
        }
        return (value, problem.map { .rebuilt(path: file, reason: $0) } ?? .built(path: file))
    }
}

/// POSIX `read` (the name is taken by `TimelineCache.read` inside the type).
private func readPOSIX(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Why a cache file could not be read (the system's message and the error number).
struct CacheReadFailure: Error {
    let reason: String

    init(_ code: Int32) { reason = "\(String(cString: strerror(code))) (errno \(code))" }
    init(reason: String) { self.reason = reason }
}
