import Foundation
import MarketData
import Testing

/// Seeded mutation fuzzing of every importer: damaged versions of a valid sample must either
/// parse into records that still satisfy the importer's rules, or fail with an `InputError`
/// (typed throws makes "only InputError" structural) that names the file and a line inside
/// the input, on one line. A crash (trap) fails the whole run.
@Suite("Importer fuzzing")
struct FuzzTests {
    static let cases: [(sample: String, kind: ImportKind)] = [
        ("yahoo_spx_sample.csv", .prices), ("cboe_vix_history_sample.csv", .prices),
        ("fred_vixcls_sample.csv", .fred), ("treasury_sample.csv", .treasury), ("events_sample.csv", .events),
        ("sessions_sample.csv", .sessions), ("optionsdx_spx_sample.csv", .chainOptionsDX),
        ("cboe_spx_eod_sample.csv", .chainCboe), ("cboe_vvix_sample.csv", .cboeIndex), ("chris_vx1_sample.csv", .vxFutures),
    ]

    /// Mutated files per sample: 3000 by default; set IMPORTER_FUZZ_ITERATIONS for a deeper run.
    static let iterations = ProcessInfo.processInfo.environment["IMPORTER_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 3000

    /// Bytes worth inserting: separators, quotes, line ends, signs, digits, exponent marks,
    /// NaN/inf spellings, a NUL, and bytes that are not UTF-8 on their own.
    static let palette: [[UInt8]] = [
        [0x2C], [0x22], [0x22, 0x22], [0x0A], [0x0D], [0x0D, 0x0A], [0x20], [0x2D], [0x2E], [0x2F], [0x3A],
        [0x65], [0x30], [0x39], Array("nan".utf8), Array("inf".utf8), [0x00], [0xFF], [0xC3], [0xE2, 0x82],
        Array("99999999999999999999999".utf8), Array("1e999".utf8), [0x5B], [0x5D], [0xEF, 0xBB, 0xBF],
    ]

    @Test(arguments: 0..<10)
    func mutatedSamplesFailCleanly(caseIndex: Int) throws {
        let (sample, kind) = Self.cases[caseIndex]
        let original = try ImporterSamples.bytes(sample)
        let symbol: String? = kind == .cboeIndex ? "VVIX" : (kind == .vxFutures ? "VX1" : nil)
        let importer = try MarketImporters.importer(for: kind, underlying: symbol, calendar: BundledData.calendar())
        var rng = ImporterSplitMix64(seed: 0xF022 &+ UInt64(caseIndex) &* 0x1_0000_0001)
        var failures = 0
        for _ in 0..<Self.iterations {
            var bytes = original
            for _ in 0..<(1 + Int(rng.next() % 3)) { Self.mutate(&bytes, &rng) }
            let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            do {
                let records = try importer.parse(bytes, file: sample)
                Self.checkRules(records)
            } catch {
                failures += 1
                #expect(error.file == sample)
                #expect(!error.description.contains("\n") && !error.description.contains("\r"))
                if let line = error.line {
                    #expect((1...lineCount).contains(line), "\(error)")
                    #expect(error.description.hasPrefix("\(sample):\(line): "))
                } else {
                    #expect(error.message == "empty file: no header row", "\(error)")
                }
            }
        }
        #expect(failures > Self.iterations / 3, "mutations should mostly break the file")
    }

    static func mutate(_ bytes: inout [UInt8], _ rng: inout ImporterSplitMix64) {
        func index(_ limit: Int) -> Int { limit <= 0 ? 0 : Int(rng.next() % UInt64(limit)) }
        switch rng.next() % 8 {
        case 0:  // delete a short range
            guard !bytes.isEmpty else { return }
            let start = index(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + index(8)))
        case 1:  // replace a byte
            guard !bytes.isEmpty else { return }
            bytes[index(bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
        case 2, 3:  // insert a palette entry
            bytes.insert(contentsOf: palette[index(palette.count)], at: index(bytes.count + 1))
        case 4:  // duplicate a line
            let lines = lineRanges(bytes)
            guard !lines.isEmpty else { return }
            let line = lines[index(lines.count)]
            bytes.insert(contentsOf: Array(bytes[line]) + [0x0A], at: line.lowerBound)
        case 5:  // swap two cells of a line
            let lines = lineRanges(bytes)
            guard !lines.isEmpty else { return }
            let line = lines[index(lines.count)]
            var cells = bytes[line].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
            guard cells.count > 1 else { return }
            cells.swapAt(index(cells.count), index(cells.count))
            bytes.replaceSubrange(line, with: Array(cells.joined(separator: [0x2C])))
        case 6:  // truncate
            bytes.removeSubrange(index(bytes.count + 1)...)
        default:  // swap two lines
            let lines = lineRanges(bytes)
            guard lines.count > 1 else { return }
            let a = lines[index(lines.count)]
            let b = lines[index(lines.count)]
            guard a != b else { return }
            let (first, second) = a.lowerBound < b.lowerBound ? (a, b) : (b, a)
            let middle = Array(bytes[first.upperBound..<second.lowerBound])
            bytes.replaceSubrange(first.lowerBound..<second.upperBound, with: Array(bytes[second]) + middle + Array(bytes[first]))
        }
    }

    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            ranges.append(start..<i)
            start = i + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// What a successful parse guarantees, whatever the input was.
    static func checkRules(_ records: ImportedRecords) {
        func increasing(_ dates: [MarketDate]) -> Bool { zip(dates, dates.dropFirst()).allSatisfy { $0 < $1 } }
        switch records {
        case .bars(let bars):
            #expect(increasing(bars.map(\.date)))
            #expect(bars.allSatisfy { $0.open! >= 0 && $0.low! >= 0 && $0.close >= 0 && $0.high! >= $0.low! && $0.high!.isFinite })
        case .index(let history):
            #expect(increasing(history.closes.map(\.date)))
            #expect(history.closes.allSatisfy { $0.value > 0 && $0.value.isFinite })
        case .futures(let settlements, _):
            #expect(increasing(settlements.map(\.date)))
            #expect(settlements.allSatisfy { $0.settle > 0 && $0.settle.isFinite && $0.expiry >= $0.date })
        case .observations(let observations):
            #expect(increasing(observations.map(\.date)))
            #expect(observations.allSatisfy { $0.value.isFinite })
        case .treasury(let curves):
            #expect(increasing(curves.map(\.date)))
        case .events(let events):
            #expect(events.allSatisfy { !$0.event.isEmpty && ($0.timeET == nil || $0.timeET!.utf8.count == 5) })
        case .sessions(let sessions):
            #expect(increasing(sessions.map(\.date)))
            #expect(sessions.allSatisfy { $0.closeUTC > $0.openUTC })
        case .quotes(let quotes):
            #expect(zip(quotes, quotes.dropFirst()).allSatisfy { $0.quoteDate <= $1.quoteDate })
            #expect(quotes.allSatisfy { $0.strike > 0 && $0.bid >= 0 && $0.bid <= $0.ask && $0.expiry >= $0.quoteDate })
        case .quoteStream:
            Issue.record("parse returns quotes, never a stream")
        }
    }
}
