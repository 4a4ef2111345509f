import MarketData

/// What a hedge line trades: a monthly VIX future or a standard monthly VIX call.
///
/// Contract multipliers (Cboe): VX futures $1,000 per VIX point; VIX options 100 (a quote of
/// 1.25 costs $125). Only calls are used by the ALVH layers.
public enum HedgeInstrument: Hashable, Sendable, Codable, CustomStringConvertible {
    case future(expiry: MarketDate)
    case call(expiry: MarketDate, strike: Double)

    public static let futuresMultiplier = 1_000.0
    public static let optionMultiplier = 100.0

    public var expiry: MarketDate {
        switch self {
        case let .future(expiry), let .call(expiry, _): expiry
        }
    }

    /// The strike of a call, `nil` for a future.
    public var strike: Double? {
        if case let .call(_, strike) = self { return strike }
        return nil
    }

    public var isFuture: Bool { strike == nil }

    /// Dollars per 1.00 of the quoted price.
    public var multiplier: Double { isFuture ? Self.futuresMultiplier : Self.optionMultiplier }

    public var description: String {
        switch self {
        case let .future(expiry): "VX \(expiry)"
        case let .call(expiry, strike): "VIX \(expiry) \(strike.formatted2)C"
        }
    }
}

/// The ALVH layer a position or order belongs to. The pre-event seed is part of layer 1 but
/// kept apart so it can be unwound after the event without touching the futures overlay.
public enum HedgeLayer: String, Sendable, Codable, CaseIterable, Comparable {
    /// Layer 1: VIX futures sized against the condor's short vega, inside a corridor.
    case futuresOverlay = "layer1_futures"
    /// Layer 1: pre-FOMC VIX call spreads.
    case eventSeed = "layer1_event_seed"
    /// Layer 2: long-dated VIX calls accumulated in cheap relief rallies.
    case longDatedCalls = "layer2_long_dated_calls"
    /// Layer 3: OTM VIX call ladder at ~30/60/90 days.
    case otmLadder = "layer3_otm_ladder"

    public static func < (a: HedgeLayer, b: HedgeLayer) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

extension Double {
    var formatted2: String {
        let cents = (self * 100).rounded()
        let whole = Int(cents / 100)
        let fraction = Int(abs(cents).truncatingRemainder(dividingBy: 100))
        return "\(cents < 0 && whole == 0 ? "-" : "")\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
