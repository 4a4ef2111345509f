import Foundation
import Testing
@testable import QuantCore

/// Prices where the out-of-the-money Black legs nearly cancel, against 50-digit mpmath
/// (`legs_cancellation_reference.csv`, Tools/fixtures/make_cancellation_band_fixture.py): on
/// both sides of `BlackLegs.acceptedCancellation` (255/256), where the direct difference gives
/// way to the cancellation-free series, and in the band (15/16, 255/256] that the bound moved
/// from the series to the difference. Each out-of-the-money option comes with its in-the-money
/// counterpart (priced through it where the counterpart's own legs are within a factor 2, by
/// their difference otherwise). Tolerance 1e-12 relative, as for every price.
@Suite struct LegsCancellationReferenceTests {
    struct Row {
        let model: String
        let spot, strike, time, rate, dividendYield, volatility, u, price: Double
        let type: OptionType

        /// Out of the money: a call struck above the forward, a put below it.
        var isOutOfTheMoney: Bool {
            let forward = model == "bsm" ? spot * exp((rate - dividendYield) * time) : spot
            return (type == .call) == (strike > forward)
        }
    }

    static func rows() throws -> [Row] {
        let (header, rows) = try Fixtures.csv("legs_cancellation_reference.csv")
        #expect(header == ["model", "S", "K", "T", "r", "q", "sigma", "type", "u", "price"])
        return try rows.map { row in
            let v = try [1, 2, 3, 4, 5, 6, 8, 9].map { try #require(Double(row[$0]), "\(row)") }
            return Row(
                model: row[0], spot: v[0], strike: v[1], time: v[2], rate: v[3], dividendYield: v[4], volatility: v[5],
                u: v[6], price: v[7], type: try #require(OptionType(rawValue: row[7])))
        }
    }

    /// u = 1 - (smaller leg / larger leg) as the fixture designed it; the region is read with a
    /// 10% margin either side of the bounds, so a row on a bound counts in neither.
    enum Region: String {
        case beyondTheBound, theMovedBand, belowTheOldBound

        init?(u: Double) {
            let bound = 1 - BlackLegs.acceptedCancellation, old = 1 - NormalisedBlack.acceptedCancellation
            switch u {
            case ..<(0.9 * bound): self = .beyondTheBound
            case (1.1 * bound)..<(0.9 * old): self = .theMovedBand
            case (1.1 * old)...: self = .belowTheOldBound
            default: return nil
            }
        }
    }

    @Test func pricesWhereTheLegsNearlyCancelMatchMpmath() throws {
        var worst: [String: Double] = [:]
        var counts: [String: Int] = [:]
        for row in try Self.rows() {
            let got =
                row.model == "bsm"
                ? try BlackScholesMerton.price(
                    row.type, spot: row.spot, strike: row.strike, time: row.time, rate: row.rate,
                    dividendYield: row.dividendYield, volatility: row.volatility)
                : try Black76.price(
                    row.type, forward: row.spot, strike: row.strike, time: row.time, rate: row.rate, volatility: row.volatility)
            let error = relativeError(got, row.price)
            #expect(error <= 1e-12, "\(row) got \(got)")
            let key = "\(row.model) \(Region(u: row.u)?.rawValue ?? "at a bound")"
            worst[key] = max(worst[key, default: 0], error)
            // The regions are the out-of-the-money options' (an in-the-money partner's price
            // is mostly its intrinsic value, which dilutes the legs' error).
            if row.isOutOfTheMoney { counts[key, default: 0] += 1 }
        }
        // Both models reach each region with enough out-of-the-money options (the fixture's
        // seed gives 93-97 per model beyond the bound and 37-47 in the moved band).
        for model in ["bsm", "b76"] {
            for region in [Region.beyondTheBound, .theMovedBand] {
                #expect(counts["\(model) \(region.rawValue)", default: 0] >= 30, "\(model) \(region): \(counts)")
            }
        }
        print("legs cancellation: worst relative price error by region \(worst.sorted { $0.key < $1.key }), rows \(counts)")
    }

    /// The chain slice (four lanes, declining beyond the bound to the scalar path) meets the
    /// same references.
    @Test func theChainSliceMatchesMpmathToo() throws {
        for row in try Self.rows() where row.model == "bsm" {
            let slice = try OptionChainSlice(types: [row.type], strikes: [row.strike], volatilities: [row.volatility])
            var output = OptionValuationColumns()
            try BlackScholesMerton.value(
                slice, spot: row.spot, time: row.time, rate: row.rate, dividendYield: row.dividendYield, into: &output)
            #expect(relativeError(output.price[0], row.price) <= 1e-12, "\(row) got \(output.price[0])")
        }
    }
}
