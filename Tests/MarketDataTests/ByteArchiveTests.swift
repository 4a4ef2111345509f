import Testing
@testable import MarketData

/// The cache archive format: every value round-trips bit for bit, and a damaged archive is an
/// `ArchiveError` naming where, never a crash or an absurd allocation.
struct ByteArchiveTests {
    @Test func valuesRoundTripExactly() throws {
        var out = ArchiveWriter()
        let doubles = [0.0, -0.0, .pi, -1e-310, .infinity, .greatestFiniteMagnitude, Double(bitPattern: 0x7ff8_0000_0000_1234)]
        out.write(doubles)
        out.write("VIX ünïcode")
        out.write(Int.min)
        out.write(nil as Double?)
        out.write(2.5 as Double?)
        out.write(nil as String?)
        out.write([MarketDate(parsing: "2026-03-27")!])
        out.write(true)
        var reader = ArchiveReader(out.bytes)
        #expect(try reader.readDoubles("d").map(\.bitPattern) == doubles.map(\.bitPattern))
        #expect(try reader.readString("s") == "VIX ünïcode")
        #expect(try reader.readInt() == Int.min)
        #expect(try reader.readOptionalDouble("o") == nil)
        #expect(try reader.readOptionalDouble("o") == 2.5)
        #expect(try reader.readOptionalString("o") == nil)
        #expect(try reader.readDates("dates") == [MarketDate(parsing: "2026-03-27")!])
        #expect(try reader.readBool("b"))
        #expect(reader.isAtEnd)
    }

    @Test func damagedArchivesAreErrors() {
        var out = ArchiveWriter()
        out.write([1.0, 2.0, 3.0])
        var short = ArchiveReader(Array(out.bytes.dropLast(3)))
        #expect(throws: ArchiveError.truncated(offset: 8, needed: 3 * 8 - (out.bytes.count - 3 - 8))) { try short.readDoubles("d") }
        var huge = ArchiveWriter()
        huge.write(Int.max)
        var hugeReader = ArchiveReader(huge.bytes)
        #expect(throws: ArchiveError.invalid(offset: 0, field: "d")) { try hugeReader.readDoubles("d") }
        var negative = ArchiveWriter()
        negative.write(-1)
        var negativeReader = ArchiveReader(negative.bytes)
        #expect(throws: ArchiveError.invalid(offset: 0, field: "s")) { try negativeReader.readString("s") }
        var flag = ArchiveReader([7])
        #expect(throws: ArchiveError.invalid(offset: 0, field: "b")) { try flag.readBool("b") }
        var badText = ArchiveWriter()
        badText.write(2)
        badText.write(raw: [0xff, 0xfe])
        var textReader = ArchiveReader(badText.bytes)
        #expect(throws: ArchiveError.invalid(offset: 8, field: "s")) { try textReader.readString("s") }
        var empty = ArchiveReader([])
        #expect(throws: ArchiveError.truncated(offset: 0, needed: 8)) { try empty.readDouble() }
    }

    /// The store's canonical content changes with any field of any record kind.
    @Test func canonicalContentSeesEveryKindOfRecord() throws {
        let day = MarketDate(parsing: "2020-03-16")!
        func store(
            bar: Double = 2386.13, volume: Double? = 1, known: MarketDate = day, yield: Double? = 0.25, time: String? = "14:00",
            delta: Double? = nil, settle: Double = 60.3
        ) -> MemoryMarketStore {
            MemoryMarketStore(
                bars: ["SPX": [DailyBar(date: day, open: 2508.59, high: 2562.98, low: 2380.94, close: bar, volume: volume)]],
                observations: ["VIX": [.init(observation: Observation(date: day, value: 82.69), knownDate: known)]],
                curves: [TreasuryCurve(date: day, yields: [yield] + Array(repeating: nil, count: TreasuryCurve.tenorNames.count - 1))],
                events: [CalendarEvent(date: day, event: "FOMC", kind: "meeting", timeET: time)],
                quotes: [day: [OptionQuote(underlying: "SPX", quoteDate: day, expiry: day.adding(days: 4), strike: 2400, right: .put, bid: 80, ask: 82, delta: delta)]],
                futures: ["VX": [day: [FuturesSettlement(root: "VX", date: day, expiry: day.adding(days: 2), settle: settle)]]],
                quoteRange: day...day)
        }
        let base = store().canonicalContent()
        #expect(store().canonicalContent() == base)
        let variants = [
            store(bar: 2386.14), store(volume: nil), store(known: day.adding(days: 1)), store(yield: nil), store(time: nil), store(delta: -0.5),
            store(settle: 60.35),
        ]
        for (index, variant) in variants.enumerated() {
            #expect(variant.canonicalContent() != base, "variant \(index)")
        }
    }
}
