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

    /// The store's canonical content changes with every field of every record kind.
    @Test func canonicalContentSeesEveryField() throws {
        let day = MarketDate(parsing: "2020-03-16")!
        struct Records {
            var bar = DailyBar(date: MarketDate(parsing: "2020-03-16")!, open: 2508.59, high: 2562.98, low: 2380.94, close: 2386.13, adjustedClose: 2386.13, volume: 1)
            var observation = Observation(date: MarketDate(parsing: "2020-03-16")!, value: 82.69)
            var known = MarketDate(parsing: "2020-03-16")!
            var curve = TreasuryCurve(date: MarketDate(parsing: "2020-03-16")!, yields: [0.25] + Array(repeating: nil, count: TreasuryCurve.tenorNames.count - 1))
            var event = CalendarEvent(date: MarketDate(parsing: "2020-03-16")!, event: "FOMC", kind: "meeting", timeET: "14:00")
            var quote = OptionQuote(
                underlying: "SPX", quoteDate: MarketDate(parsing: "2020-03-16")!, expiry: MarketDate(parsing: "2020-03-20")!, strike: 2400, right: .put,
                bid: 80, ask: 82, underlyingPrice: 2386, impliedVolatility: 0.8, delta: -0.4, volume: 10, openInterest: 100)
            var settlement = FuturesSettlement(root: "VX", date: MarketDate(parsing: "2020-03-16")!, expiry: MarketDate(parsing: "2020-03-18")!, settle: 60.3)
        }
        func store(_ r: Records) -> MemoryMarketStore {
            MemoryMarketStore(
                bars: ["SPX": [r.bar]], observations: ["VIX": [.init(observation: r.observation, knownDate: r.known)]], curves: [r.curve],
                events: [r.event], quotes: [r.quote.quoteDate: [r.quote]], futures: ["VX": [r.settlement.date: [r.settlement]]],
                quoteRange: day...day.adding(days: 1))
        }
        let base = store(Records()).canonicalContent()
        #expect(store(Records()).canonicalContent() == base)
        let changes: [(String, (inout Records) -> Void)] = [
            ("bar.date", { $0.bar.date = day.adding(days: -3) }), ("bar.open", { $0.bar.open = nil }), ("bar.high", { $0.bar.high! += 0.01 }),
            ("bar.low", { $0.bar.low! -= 0.01 }), ("bar.close", { $0.bar.close += 0.01 }), ("bar.adjustedClose", { $0.bar.adjustedClose = nil }),
            ("bar.volume", { $0.bar.volume = 2 }), ("observation.date", { $0.observation.date = day.adding(days: -3) }),
            ("observation.value", { $0.observation.value += 0.01 }), ("knownDate", { $0.known = day.adding(days: 1) }),
            ("curve.date", { $0.curve.date = day.adding(days: -3) }), ("curve.yields", { $0.curve.yields[1] = 0.3 }),
            ("event.date", { $0.event.date = day.adding(days: 1) }), ("event.event", { $0.event.event = "CPI" }),
            ("event.kind", { $0.event.kind = "release" }), ("event.timeET", { $0.event.timeET = nil }),
            ("quote.underlying", { $0.quote.underlying = "SPXW" }), ("quote.expiry", { $0.quote.expiry = day.adding(days: 5) }),
            ("quote.strike", { $0.quote.strike = 2405 }), ("quote.right", { $0.quote.right = .call }), ("quote.bid", { $0.quote.bid = 80.05 }),
            ("quote.ask", { $0.quote.ask = 82.05 }), ("quote.underlyingPrice", { $0.quote.underlyingPrice = nil }),
            ("quote.impliedVolatility", { $0.quote.impliedVolatility = 0.81 }), ("quote.delta", { $0.quote.delta = nil }),
            ("quote.volume", { $0.quote.volume = 11 }), ("quote.openInterest", { $0.quote.openInterest = nil }),
            ("settlement.root", { $0.settlement.root = "VXT" }), ("settlement.date", { $0.settlement.date = day.adding(days: 1) }),
            ("settlement.expiry", { $0.settlement.expiry = day.adding(days: 30) }), ("settlement.settle", { $0.settlement.settle = 60.35 }),
        ]
        for (field, change) in changes {
            var records = Records()
            change(&records)
            #expect(store(records).canonicalContent() != base, "\(field)")
        }
        // Handed to a sink in pieces, the bytes are the same.
        var pieces: [UInt8] = []
        store(Records()).writeCanonicalContent { pieces += $0 }
        #expect(pieces == base)
    }
}
