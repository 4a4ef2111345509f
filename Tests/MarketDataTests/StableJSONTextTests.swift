import Foundation
import Testing

@testable import MarketData

/// Bulk elements that write themselves (`StableJSONText`): their bytes are their encoder's, and
/// any mistake in a direct write (a key out of order, a non-ASCII key, a container left open or
/// closed as the wrong kind, a non-finite number) falls back to the encoder, so that the
/// document is Foundation's bytes in every case.
@Suite("Stable JSON direct writes")
struct StableJSONTextTests {
    struct Inner: Codable {
        var flag: String
        var level: Double
    }

    /// A record of every shape a direct write handles, with an optional deliberate mistake.
    struct Record: StableJSONBulkElement {
        var count: Int
        var inner: Inner?
        var list: [Double]
        var nested: [[Double]]
        var number: Double
        var text: String
        var values: [String: Double]
        var mistake: Int

        enum CodingKeys: String, CodingKey { case count, inner, list, nested, number, text, values }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(count, forKey: .count)
            try c.encodeIfPresent(inner, forKey: .inner)
            try c.encode(list, forKey: .list)
            try c.encode(nested, forKey: .nested)
            try c.encode(number, forKey: .number)
            try c.encode(text, forKey: .text)
            try c.encode(values, forKey: .values)
        }

        func writeStableJSON(into out: inout StableJSONText) throws(StableJSONText.Declined) -> Bool {
            try out.beginObject()
            try out.key("count")
            try out.number(count)
            if let inner {
                try out.key("inner")
                try out.beginObject()
                try out.key("flag")
                try out.string(inner.flag)
                try out.key("level")
                try out.number(inner.level)
                try out.endObject()
            }
            try out.key(mistake == 1 ? "zz" : "list")
            try out.beginArray()
            for value in list {
                try out.element()
                try out.number(value)
            }
            if mistake == 2 { try out.endObject() } else { try out.endArray() }
            try out.key("nested")
            try out.beginArray()
            for row in nested {
                try out.element()
                try out.beginArray()
                for value in row {
                    try out.element()
                    try out.number(value)
                }
                try out.endArray()
            }
            try out.endArray()
            try out.key("number")
            try out.number(number)
            try out.key("text")
            try out.string(text)
            try out.key("values")
            try out.beginObject()
            for (key, value) in values.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                try out.key(key)
                try out.number(value)
            }
            try out.endObject()
            if mistake != 3 { try out.endObject() }
            return true
        }
    }

    static func record(_ rng: inout ImporterSplitMix64, mistake: Int) -> Record {
        let keys = ["a", "b", "cash", "condor", "layer1", "layer10", "layer2", "Z", "_x", "", "é", "x\"y"]
        var values: [String: Double] = [:]
        for _ in 0..<Int.random(in: 0...5, using: &rng) { values[keys.randomElement(using: &rng)!] = StableJSONWriterTests.randomDouble(&rng) }
        return Record(
            count: Int.random(in: Int.min...Int.max, using: &rng),
            inner: Bool.random(using: &rng) ? Inner(flag: StableJSONWriterTests.randomString(&rng), level: StableJSONWriterTests.randomDouble(&rng)) : nil,
            list: (0..<Int.random(in: 0...4, using: &rng)).map { _ in StableJSONWriterTests.randomDouble(&rng) },
            nested: (0..<Int.random(in: 0...3, using: &rng)).map { _ in (0..<Int.random(in: 0...2, using: &rng)).map { Double($0) / 3 } },
            number: StableJSONWriterTests.randomDouble(&rng), text: StableJSONWriterTests.randomString(&rng), values: values, mistake: mistake)
    }

    /// The direct write at an indent, or the reason it declined.
    static func direct(_ record: Record, indent: Int) -> Result<[UInt8], StableJSONText.Declined> {
        var text = StableJSONText(indent: indent)
        do {
            _ = try record.writeStableJSON(into: &text)
            return .success(try text.finished())
        } catch {
            return .failure(error)
        }
    }

    @Test("a direct write is the encoder's bytes, at every indent")
    func directWritesAreTheEncodersBytes() throws {
        var rng = ImporterSplitMix64(seed: 0xD1_2EC7)
        var written = 0, declined = 0
        for round in 0..<2_000 {
            let record = Self.record(&rng, mistake: 0)
            let indent = 2 * (round % 4)
            let reference = try JSONNodeEncoder.render(record, parent: nil, index: 0, indent: indent)
            switch Self.direct(record, indent: indent) {
            case .success(let bytes):
                written += 1
                #expect(bytes == reference, "\(String(decoding: bytes, as: UTF8.self)) against \(String(decoding: reference, as: UTF8.self))")
            case .failure(let declined_):
                // Only a non-ASCII key may decline a correct write.
                declined += 1
                #expect(declined_.reason.hasPrefix("non-ASCII key"), "\(declined_.reason)")
            }
        }
        #expect(written > 1_000 && declined > 100, "\(written) written, \(declined) declined")
    }

    @Test("mistakes decline, and the document is Foundation's bytes all the same")
    func mistakesFallBackToTheEncoder() throws {
        var rng = ImporterSplitMix64(seed: 0xFA11_BAC)
        for mistake in 1...3 {
            let record = Self.record(&rng, mistake: mistake)
            guard case .failure(let reason) = Self.direct(record, indent: 2) else {
                Issue.record("mistake \(mistake) was written")
                continue
            }
            #expect(!reason.reason.isEmpty)
        }
        for round in 0..<8 {
            let records = (0..<(256 + 50 * round)).map { _ in Self.record(&rng, mistake: Int.random(in: 0..<6, using: &rng) % 4) }
            #expect(try StableJSON.encode(records) == StableJSON.foundationEncode(records))
            #expect(try StableJSON.encode(["rows": records]) == StableJSON.foundationEncode(["rows": records]))
        }
    }

    @Test("calls out of sequence decline")
    func callsOutOfSequenceDecline() throws {
        func declines(_ write: (inout StableJSONText) throws(StableJSONText.Declined) -> Void) -> Bool {
            var text = StableJSONText(indent: 0)
            do {
                try write(&text)
                _ = try text.finished()
                return false
            } catch {
                return true
            }
        }
        #expect(declines { _ in })  // nothing written
        #expect(declines { t throws(StableJSONText.Declined) in try t.number(1); try t.number(2) })  // two top-level values
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginObject(); try t.number(1); try t.endObject() })  // no key
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginObject(); try t.key("a"); try t.endObject() })  // key, no value
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginObject(); try t.key("a"); try t.key("b"); try t.number(1); try t.endObject() })
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginObject(); try t.key("a"); try t.number(1); try t.number(2); try t.endObject() })
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginArray(); try t.number(1); try t.endArray() })  // no element
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginArray(); try t.element(); try t.endArray() })  // element, no value
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginArray(); try t.element(); try t.string("x"); try t.endObject() })
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginObject(); try t.element() })  // an element in an object
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginArray(); try t.key("a") })  // a key in an array
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginObject(); try t.key("b"); try t.number(1); try t.key("a"); try t.number(2); try t.endObject() })
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginObject(); try t.key("a"); try t.number(1); try t.key("a"); try t.number(2); try t.endObject() })
        #expect(declines { t throws(StableJSONText.Declined) in try t.beginObject() })  // left open
        // The same shapes in sequence are written.
        #expect(!declines { t throws(StableJSONText.Declined) in
            try t.beginObject(); try t.key("a"); try t.beginArray(); try t.element(); try t.number(1); try t.endArray()
            try t.key("b"); try t.beginObject(); try t.endObject(); try t.endObject()
        })
        #expect(!declines { t throws(StableJSONText.Declined) in try t.string("x") })
    }

    @Test("a non-finite number declines the direct write and fails the document as Foundation fails it")
    func nonFiniteNumbers() throws {
        var rng = ImporterSplitMix64(seed: 0x0A_0A)
        var records = (0..<300).map { _ in Self.record(&rng, mistake: 0) }
        records[211].number = .nan
        guard case .failure = Self.direct(records[211], indent: 2) else {
            Issue.record("a NaN was written")
            return
        }
        #expect(throws: EncodingError.self) { try StableJSON.encode(records) }
        #expect(throws: EncodingError.self) { try StableJSON.foundationEncode(records) }
    }
}
