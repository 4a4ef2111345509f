import Foundation
import Testing

@testable import MarketData

/// `StableJSONWriter` against Foundation's `JSONEncoder` (the reference: the bytes `StableJSON`
/// wrote before the writer existed), on seeded random documents that reach every container path,
/// key order, number magnitude and escape; identity of the bytes, not similarity.
@Suite("Stable JSON writer")
struct StableJSONWriterTests {
    struct Key: CodingKey {
        let stringValue: String
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// A random document; `generic` routes a primitive through the generic `encode<T>` paths
    /// (as arrays and optionals do) instead of the concrete overloads synthesized code calls.
    indirect enum Doc: Encodable {
        case object([(key: String, value: Doc, style: Int)])
        case array([Doc], style: Int)
        case string(String, generic: Bool)
        case double(Double, generic: Bool)
        case float(Float)
        case int(Int, generic: Bool)
        case int64(Int64)
        case uint8(UInt8)
        case bool(Bool, generic: Bool)
        case null
        case absent  // an Optional.none through encodeIfPresent: no member at all

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .object(let members):
                var c = encoder.container(keyedBy: Key.self)
                for m in members {
                    let key = Key(m.key)
                    switch (m.value, m.style % 4) {
                    case (.string(let s, false), _): try c.encode(s, forKey: key)
                    case (.double(let d, false), _): try c.encode(d, forKey: key)
                    case (.int(let i, false), _): try c.encode(i, forKey: key)
                    case (.bool(let b, false), _): try c.encode(b, forKey: key)
                    case (.float(let f), _): try c.encode(f, forKey: key)
                    case (.int64(let i), _): try c.encode(i, forKey: key)
                    case (.null, _): try c.encodeNil(forKey: key)
                    case (.absent, _): try c.encodeIfPresent(Optional<Int>.none, forKey: key)
                    case (.object(let inner), 1):
                        var n = c.nestedContainer(keyedBy: Key.self, forKey: key)
                        for im in inner { try n.encode(im.value, forKey: Key(im.key)) }
                    case (.array(let inner, _), 1):
                        var n = c.nestedUnkeyedContainer(forKey: key)
                        for e in inner { try n.encode(e) }
                    case (let value, 2): try value.encode(to: c.superEncoder(forKey: key))
                    case (let value, _): try c.encode(value, forKey: key)
                    }
                }
            case .array(let elements, let style):
                var c = encoder.unkeyedContainer()
                for e in elements {
                    switch (e, style % 3) {
                    case (.double(let d, _), 1): try c.encode(d)
                    case (.string(let s, _), 1): try c.encode(s)
                    case (.int(let i, _), 1): try c.encode(i)
                    case (.null, _): try c.encodeNil()
                    case (.object(let inner), 2):
                        var n = c.nestedContainer(keyedBy: Key.self)
                        for im in inner { try n.encode(im.value, forKey: Key(im.key)) }
                    default: try c.encode(e)
                    }
                }
            case .string(let s, _): var c = encoder.singleValueContainer(); try c.encode(s)
            case .double(let d, _): var c = encoder.singleValueContainer(); try c.encode(d)
            case .float(let f): var c = encoder.singleValueContainer(); try c.encode(f)
            case .int(let i, _): var c = encoder.singleValueContainer(); try c.encode(i)
            case .int64(let i): var c = encoder.singleValueContainer(); try c.encode(i)
            case .uint8(let u): var c = encoder.singleValueContainer(); try c.encode(u)
            case .bool(let b, _): var c = encoder.singleValueContainer(); try c.encode(b)
            case .null, .absent: var c = encoder.singleValueContainer(); try c.encodeNil()
            }
        }
    }

    static let keyPieces = [
        "a", "A", "b", "Z", "_", "-", "1", "10", "2", "a10", "a9", "é", "e\u{301}", "ä", "😀", "Ａ", "key",
        "x\"y", "back\\slash", "line\nbreak", "tab\t", "ctl\u{1}", "slash/", "",
    ]

    static func randomString(_ rng: inout ImporterSplitMix64) -> String {
        let pieces = keyPieces + ["\u{7f}", "\u{2028}", "\u{1f}", "\r\n", "\u{8}\u{c}", " ", "plain text 123"]
        return (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func randomDouble(_ rng: inout ImporterSplitMix64) -> Double {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return Double(Int.random(in: -1_000_000_000...1_000_000_000, using: &rng)) / 100
        case 1: return [0.0, -0.0, 1e15, 1e16, 9_007_199_254_740_992, 5e-324, .greatestFiniteMagnitude, 0.1, 1e-5, 1e-4]
            .randomElement(using: &rng)!
        case 2: return Double(Int.random(in: -5...5, using: &rng))
        default:
            let sign: Double = Bool.random(using: &rng) ? -1 : 1
            return sign * Double.random(in: 1..<10, using: &rng) * pow(10, Double(Int.random(in: -30...30, using: &rng)))
        }
    }

    static func randomDoc(_ rng: inout ImporterSplitMix64, depth: Int) -> Doc {
        let leafOnly = depth >= 4
        switch Int.random(in: 0..<(leafOnly ? 9 : 12), using: &rng) {
        case 0: return .string(randomString(&rng), generic: Bool.random(using: &rng))
        case 1: return .double(randomDouble(&rng), generic: Bool.random(using: &rng))
        case 2: return .float(Float(randomDouble(&rng).clamped(-3e38, 3e38)))
        case 3: return .int(Int.random(in: Int.min...Int.max, using: &rng), generic: Bool.random(using: &rng))
        case 4: return .int64(Int64.random(in: -1000...1000, using: &rng))
        case 5: return .uint8(UInt8.random(in: 0...255, using: &rng))
        case 6: return .bool(Bool.random(using: &rng), generic: Bool.random(using: &rng))
        case 7: return .null
        case 8: return .double(Double(Int.random(in: 0...3, using: &rng)), generic: true)
        case 9, 10:
            // Foundation traps on a nested container for a key already written as another kind,
            // so these keys are unique here; repeated nested keys have their own test below.
            let n = Int.random(in: 0...6, using: &rng)
            return .object(
                (0..<n).map { i in
                    let style = Int.random(in: 0..<8, using: &rng)
                    let key = keyPieces.randomElement(using: &rng)! + (style % 4 == 1 || style % 4 == 2 ? "#\(i)" : "")
                    return (key, randomDoc(&rng, depth: depth + 1), style)
                } + (Bool.random(using: &rng) ? [("opt", .absent, 0)] : []))
        default:
            let n = Int.random(in: 0...5, using: &rng)
            return .array((0..<n).map { _ in randomDoc(&rng, depth: depth + 1) }, style: Int.random(in: 0..<3, using: &rng))
        }
    }

    @Test("random documents: the writer's bytes are Foundation's")
    func randomDocumentsMatchFoundation() throws {
        var rng = ImporterSplitMix64(seed: 0x15_0DAD)
        var compared = 0
        for _ in 0..<3_000 {
            let doc = Self.randomDoc(&rng, depth: 0)
            let reference = try StableJSON.foundationEncode(doc)
            let written = try StableJSON.encode(doc)
            #expect(written == reference)
            if written != reference { return }
            if (try? StableJSONWriter.encode(doc)) != nil { compared += 1 }
        }
        // Nearly every document must take the writer's own path, or this checks nothing.
        #expect(compared > 2_900, "writer handled \(compared) of 3000")
    }

    @Test("large objects (past the insertion sort), repeated and non-ASCII keys: Foundation's bytes")
    func largeObjectsMatchFoundation() throws {
        var rng = ImporterSplitMix64(seed: 0xB16_0B1)
        for round in 0..<60 {
            let count = Int.random(in: 20...90, using: &rng)
            let members: [(key: String, value: Doc, style: Int)] = (0..<count).map { i in
                let base = Self.keyPieces.randomElement(using: &rng)! + (round % 2 == 0 ? "\(i % 37)" : "")
                return (base, .double(Self.randomDouble(&rng), generic: Bool.random(using: &rng)), 0)
            }
            let doc = Doc.object(members)
            #expect(try StableJSON.encode(doc) == StableJSON.foundationEncode(doc))
            let ascii = Doc.object(members.map { ("k\($0.key.utf8.reduce(0) { $0 &+ Int($1) } % 50)", $0.value, 0) })
            #expect(try StableJSON.encode(ascii) == StableJSON.foundationEncode(ascii))
            #expect((try? StableJSONWriter.encode(ascii)) != nil)
        }
    }

    /// Foundation merges a second nested container for a key into the first (and writes a
    /// super encoder's value when it is released): such documents go to Foundation whole.
    struct RepeatedNested: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            var first = c.nestedContainer(keyedBy: Key.self, forKey: Key("k"))
            try first.encode(1, forKey: Key("a"))
            var second = c.nestedContainer(keyedBy: Key.self, forKey: Key("k"))
            try second.encode(2, forKey: Key("b"))
            var list = c.nestedUnkeyedContainer(forKey: Key("l"))
            try list.encode(1)
            var more = c.nestedUnkeyedContainer(forKey: Key("l"))
            try more.encode(2)
        }
    }

    struct Wide: Encodable {
        let values: [Int128]
        let unsigned: UInt128
    }

    @Test("repeated nested keys and 128-bit integers: Foundation's bytes, through Foundation")
    func nestedRepeatsAndWideIntegers() throws {
        #expect(throws: StableJSONWriter.Unsupported.self) { try StableJSONWriter.encode(RepeatedNested()) }
        #expect(try StableJSON.encode(RepeatedNested()) == StableJSON.foundationEncode(RepeatedNested()))
        let wide = Wide(values: [Int128.max, -1], unsigned: UInt128.max)
        #expect(throws: StableJSONWriter.Unsupported.self) { try StableJSONWriter.encode(wide) }
        #expect(try StableJSON.encode(wide) == StableJSON.foundationEncode(wide))
    }

    struct WithDate: Encodable { let when: Date; let n: Int }
    struct WithData: Encodable { let blob: Data }
    struct WithURL: Encodable { let url: URL }
    struct WithDecimal: Encodable { let amount: Decimal }

    @Test("Foundation's special types and non-finite numbers go to Foundation, with its bytes or error")
    func specialTypesFallBack() throws {
        let date = WithDate(when: Date(timeIntervalSinceReferenceDate: 12_345.5), n: 1)
        let data = WithData(blob: Data([1, 2, 250]))
        let url = WithURL(url: URL(string: "https://example.com/a/b?c=d")!)
        let decimal = WithDecimal(amount: Decimal(string: "12.345")!)
        #expect(throws: StableJSONWriter.Unsupported.self) { try StableJSONWriter.encode(date) }
        #expect(throws: StableJSONWriter.Unsupported.self) { try StableJSONWriter.encode(data) }
        #expect(throws: StableJSONWriter.Unsupported.self) { try StableJSONWriter.encode(url) }
        #expect(throws: StableJSONWriter.Unsupported.self) { try StableJSONWriter.encode(decimal) }
        #expect(try StableJSON.encode(date) == StableJSON.foundationEncode(date))
        #expect(try StableJSON.encode(data) == StableJSON.foundationEncode(data))
        #expect(try StableJSON.encode(url) == StableJSON.foundationEncode(url))
        #expect(try StableJSON.encode(decimal) == StableJSON.foundationEncode(decimal))
        #expect(throws: EncodingError.self) { try StableJSON.encode(["x": Double.nan]) }
        #expect(throws: EncodingError.self) { try StableJSON.encode([Float.infinity]) }
    }

    /// Records each coding path an encoder or container reports that is not the one its
    /// position in the document gives (Codable's contract: the keys from the root to the value).
    final class PathLog: @unchecked Sendable {
        var checked = 0
        var wrong: [String] = []
        func check(_ what: String, _ path: [any CodingKey], _ expected: [String]) {
            checked += 1
            let got = path.map { $0.intValue.map { "#\($0)" } ?? $0.stringValue }
            if got != expected { wrong.append("\(what): \(got.joined(separator: "/")) instead of \(expected.joined(separator: "/"))") }
        }
    }

    /// A small tree that asks for its coding path at every level and through every route: keyed,
    /// unkeyed and single-value containers, nested containers and super encoders.
    struct PathProbe: Encodable {
        let log: PathLog
        let depth: Int
        let path: [String]

        func encode(to encoder: any Encoder) throws {
            log.check("encoder", encoder.codingPath, path)
            guard depth < 3 else {
                var single = encoder.singleValueContainer()
                log.check("single", single.codingPath, path)
                try single.encode(depth)
                return
            }
            var keyed = encoder.container(keyedBy: Key.self)
            log.check("keyed", keyed.codingPath, path)
            try keyed.encode(1.5, forKey: Key("number"))
            try keyed.encode(PathProbe(log: log, depth: depth + 1, path: path + ["child"]), forKey: Key("child"))
            var list = keyed.nestedUnkeyedContainer(forKey: Key("list"))
            log.check("list", list.codingPath, path + ["list"])
            try list.encode(PathProbe(log: log, depth: depth + 1, path: path + ["list", "#0"]))
            try list.encode("text")
            var inner = list.nestedContainer(keyedBy: Key.self)
            log.check("list.inner", inner.codingPath, path + ["list", "#2"])
            try inner.encode(PathProbe(log: log, depth: 3, path: path + ["list", "#2", "leaf"]), forKey: Key("leaf"))
            try PathProbe(log: log, depth: 3, path: path + ["list", "#3"]).encode(to: list.superEncoder())
            var nested = keyed.nestedContainer(keyedBy: Key.self, forKey: Key("nested"))
            log.check("nested", nested.codingPath, path + ["nested"])
            try nested.encode(PathProbe(log: log, depth: 3, path: path + ["nested", "leaf"]), forKey: Key("leaf"))
            try PathProbe(log: log, depth: 3, path: path + ["sup"]).encode(to: keyed.superEncoder(forKey: Key("sup")))
        }
    }

    /// (Foundation's own encoder on Linux drops a nested container's key from the paths of the
    /// values inside it, so the reference here is Codable's contract, not Foundation.)
    @Test("coding paths: every encoder and container reports the keys from the root")
    func codingPathsFollowTheDocument() throws {
        let log = PathLog()
        let probe = PathProbe(log: log, depth: 0, path: [])
        _ = try StableJSONWriter.encode(probe)
        #expect(log.checked > 100)
        #expect(log.wrong.isEmpty, "\(log.wrong.prefix(5))")
        #expect(try StableJSON.encode(probe) == StableJSON.foundationEncode(probe))
    }

    /// A row of a long array, rendered on all cores; it checks its own coding path (from any
    /// thread) and can carry a value Foundation encodes specially.
    struct BulkRow: StableJSONBulkElement {
        let index: Int
        let values: [String: Double]
        let flags: [Bool]
        let note: String?
        let when: Date?
        let paths: BulkPaths
        let expected: [String]

        enum CodingKeys: String, CodingKey { case index, values, flags, note, when, nested }

        func encode(to encoder: any Encoder) throws {
            paths.check(encoder.codingPath, expected)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(index, forKey: .index)
            try c.encode(values, forKey: .values)
            try c.encode(flags, forKey: .flags)
            try c.encodeIfPresent(note, forKey: .note)
            try c.encodeIfPresent(when, forKey: .when)
            var nested = c.nestedContainer(keyedBy: CodingKeys.self, forKey: .nested)
            try nested.encode(Double(index) / 7, forKey: .index)
        }
    }

    final class BulkPaths: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var checked = 0
        private(set) var wrong: [String] = []
        func check(_ path: [any CodingKey], _ expected: [String]) {
            let got = path.map { $0.intValue.map { "#\($0)" } ?? $0.stringValue }
            lock.lock()
            checked += 1
            if got != expected { wrong.append("\(got) instead of \(expected)") }
            lock.unlock()
        }
    }

    struct BulkDocument: Encodable {
        let rows: [BulkRow]
        let short: [BulkRow]
        let groups: [[BulkRow]]
    }

    static func bulkRows(_ rng: inout ImporterSplitMix64, count: Int, paths: BulkPaths, prefix: [String], dateAt: Int? = nil) -> [BulkRow] {
        (0..<count).map { i in
            BulkRow(
                index: i, values: ["a": randomDouble(&rng), "b": randomDouble(&rng), "é\u{0301}x": Double(i)],
                flags: (0..<Int.random(in: 0...3, using: &rng)).map { _ in Bool.random(using: &rng) },
                note: Bool.random(using: &rng) ? "row \"\(i)\"\n" : nil, when: dateAt == i ? Date(timeIntervalSince1970: 1e9) : nil,
                paths: paths, expected: prefix + ["#\(i)"])
        }
    }

    @Test("bulk arrays: elements rendered on all cores, Foundation's bytes, the coding paths of a one-thread encoding")
    func bulkArraysMatchFoundation() throws {
        var rng = ImporterSplitMix64(seed: 0xB01C)
        for round in 0..<6 {
            let paths = BulkPaths()
            let n = 256 + 97 * round
            let doc = BulkDocument(
                rows: Self.bulkRows(&rng, count: n, paths: paths, prefix: ["rows"]),
                short: Self.bulkRows(&rng, count: 40, paths: paths, prefix: ["short"]),
                groups: [Self.bulkRows(&rng, count: 300, paths: paths, prefix: ["groups", "#0"]), []])
            let written = try StableJSONWriter.encode(doc)
            #expect(paths.wrong.isEmpty, "\(paths.wrong.prefix(3))")
            #expect(paths.checked == n + 340)
            #expect(String(decoding: written, as: UTF8.self) + "\n" == (try StableJSON.foundationEncode(doc)))
            let top = Self.bulkRows(&rng, count: 400, paths: BulkPaths(), prefix: [])
            #expect(try StableJSON.encode(top) == StableJSON.foundationEncode(top))
        }
        // The bulk path is the one taken for a long array, not for a short one.
        let rows = Self.bulkRows(&rng, count: 300, paths: BulkPaths(), prefix: [])
        #expect(try rows.encodeBulk(into: JSONNodeEncoder(sink: .root(JSONRoot()), parent: nil, key: nil)))
        #expect(try !Array(rows.prefix(255)).encodeBulk(into: JSONNodeEncoder(sink: .root(JSONRoot()), parent: nil, key: nil)))
        // What an element cannot write (here a Date, deep in the array) sends the whole document
        // to Foundation, as on one thread.
        let dated = BulkDocument(rows: Self.bulkRows(&rng, count: 500, paths: BulkPaths(), prefix: ["rows"], dateAt: 377), short: [], groups: [])
        #expect(throws: StableJSONWriter.Unsupported.self) { try StableJSONWriter.encode(dated) }
        #expect(try StableJSON.encode(dated) == StableJSON.foundationEncode(dated))
    }

    struct RowError: Error, Equatable { let index: Int }

    /// A bulk row that fails at chosen indices with an error of its own (not the writer's).
    struct FailingRow: StableJSONBulkElement {
        let index: Int
        let failing: Set<Int>
        func encode(to encoder: any Encoder) throws {
            if failing.contains(index) { throw RowError(index: index) }
            var c = encoder.singleValueContainer()
            try c.encode(index)
        }
    }

    /// Bulk arrays reached through a single-value container and a super encoder.
    struct Wrapped: Encodable {
        let rows: [BulkRow]
        enum Keys: String, CodingKey { case single, sup }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try Single(rows: rows).encode(to: c.superEncoder(forKey: .sup))
            var inner = c.nestedUnkeyedContainer(forKey: .single)
            try Single(rows: rows).encode(to: inner.superEncoder())
        }
    }

    struct Single: Encodable {
        let rows: [BulkRow]
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(rows)
        }
    }

    @Test("bulk arrays: the first failing element's own error, and other routes into a bulk array")
    func bulkErrorsAndRoutes() throws {
        let rows = (0..<600).map { FailingRow(index: $0, failing: [431, 97, 550]) }
        var writerError: RowError?
        do { _ = try StableJSON.encode(rows) } catch let error as RowError { writerError = error }
        var foundationError: RowError?
        do { _ = try StableJSON.foundationEncode(rows) } catch let error as RowError { foundationError = error }
        #expect(writerError == RowError(index: 97))
        #expect(writerError == foundationError)
        // Each row checks its path: the same rows sit under both routes, so each is expected
        // under one prefix and found under the other (two wrong paths per row, no more).
        var rng = ImporterSplitMix64(seed: 0x5B_0B)
        let paths = BulkPaths()
        let wrapped = Wrapped(rows: Self.bulkRows(&rng, count: 300, paths: paths, prefix: ["sup"]))
        #expect((try? StableJSONWriter.encode(wrapped)) != nil)
        #expect(paths.checked == 600)
        #expect(paths.wrong.count == 300)
        #expect(paths.wrong.allSatisfy { $0.hasPrefix("[\"single\", \"#0\", \"#") })
        #expect(try StableJSON.encode(wrapped) == StableJSON.foundationEncode(wrapped))
    }

    @Test("market dates and a keyed record encode as before")
    func marketTypes() throws {
        let dates = [MarketDate(parsing: "2026-03-27"), MarketDate(parsing: "2007-01-03")]
        #expect(try StableJSON.encode(dates) == StableJSON.foundationEncode(dates))
        let equity = ["strategy": 999_327.46, "cndr": 1e6, "vxth": -0.0, "buyAndHold": 1.8499999999999999]
        #expect(try StableJSON.encode(equity) == StableJSON.foundationEncode(equity))
        #expect(try StableJSON.encode(equity).hasSuffix("}\n"))
    }
}

extension Double {
    fileprivate func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}
