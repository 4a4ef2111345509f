import MarketData

/// A short SPX iron condor: long put < short put < short call < long call on one expiry,
/// `quantity` contracts of each leg, opened for a net `credit`.
///
/// Units: strikes and `credit` in index points per condor (the quoted price of the package,
/// e.g. 2.35); every dollar figure uses the SPX multiplier 100 and the quantity:
///
///     total credit C$ = credit · 100 · qty
///     max profit      = C$                                   (SPX between the shorts at expiry)
///     max loss        = max(putWidth, callWidth) · 100 · qty − C$
///     break-evens     = shortPut − credit,  shortCall + credit   (= shortPut − C$/100/qty …)
///
/// Wings may be unequal. Only valid condors can exist: the throwing initialiser (also used by
/// decoding) rejects strikes out of order or non-positive, non-positive widths, a quantity
/// below 1, and a credit outside [0, min(putWidth, callWidth)) — a credit at least as large as a
/// wing would leave that side without risk and without a break-even.
public struct IronCondor: Sendable, Codable, Equatable {
    public static let multiplier = 100.0

    public let expiry: MarketDate
    public let longPut: Double
    public let shortPut: Double
    public let shortCall: Double
    public let longCall: Double
    /// Contracts of each leg, ≥ 1.
    public let quantity: Int
    /// Net credit received per condor in index points.
    public let credit: Double

    public init(
        expiry: MarketDate, longPut: Double, shortPut: Double, shortCall: Double, longCall: Double, quantity: Int, credit: Double = 0
    ) throws(CondorError) {
        for (name, strike) in [("long_put", longPut), ("short_put", shortPut), ("short_call", shortCall), ("long_call", longCall)] {
            guard strike.isFinite, strike > 0 else { throw .invalidCondor(field: name, reason: "strike must be finite and > 0 (got \(strike))") }
        }
        guard longPut < shortPut else {
            throw .invalidCondor(field: "long_put", reason: "must be below the short put (\(longPut) >= \(shortPut)): put width must be > 0")
        }
        guard shortPut < shortCall else {
            throw .invalidCondor(field: "short_put", reason: "must be below the short call (\(shortPut) >= \(shortCall))")
        }
        guard shortCall < longCall else {
            throw .invalidCondor(field: "long_call", reason: "must be above the short call (\(longCall) <= \(shortCall)): call width must be > 0")
        }
        guard quantity >= 1 else { throw .invalidCondor(field: "quantity", reason: "must be at least 1 contract (got \(quantity))") }
        let narrowest = min(shortPut - longPut, longCall - shortCall)
        guard credit.isFinite, credit >= 0, credit < narrowest else {
            throw .invalidCondor(field: "credit", reason: "must be in [0, \(narrowest)) index points, below the narrower wing (got \(credit))")
        }
        self.expiry = expiry
        self.longPut = longPut
        self.shortPut = shortPut
        self.shortCall = shortCall
        self.longCall = longCall
        self.quantity = quantity
        self.credit = credit
    }

    enum CodingKeys: String, CodingKey {
        case expiry, quantity, credit
        case longPut = "long_put"
        case shortPut = "short_put"
        case shortCall = "short_call"
        case longCall = "long_call"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            expiry: c.decode(MarketDate.self, forKey: .expiry), longPut: c.decode(Double.self, forKey: .longPut),
            shortPut: c.decode(Double.self, forKey: .shortPut), shortCall: c.decode(Double.self, forKey: .shortCall),
            longCall: c.decode(Double.self, forKey: .longCall), quantity: c.decode(Int.self, forKey: .quantity),
            credit: c.decode(Double.self, forKey: .credit))
    }

    /// The same condor with another quantity (which must be ≥ 1).
    public func with(quantity: Int) throws(CondorError) -> IronCondor {
        try IronCondor(expiry: expiry, longPut: longPut, shortPut: shortPut, shortCall: shortCall, longCall: longCall, quantity: quantity, credit: credit)
    }

    /// shortPut − longPut, index points.
    public var putWidth: Double { shortPut - longPut }
    /// longCall − shortCall, index points.
    public var callWidth: Double { longCall - shortCall }
    /// Dollars per index point of the whole position: 100 · qty.
    public var pointValue: Double { Self.multiplier * Double(quantity) }
    /// Credit received in dollars: credit · 100 · qty.
    public var totalCredit: Double { credit * pointValue }
    /// Max profit in dollars (the credit, kept when SPX ends between the shorts).
    public var maxProfit: Double { totalCredit }
    /// Max loss in dollars: max(putWidth, callWidth) · 100 · qty − credit · 100 · qty.
    public var maxLoss: Double { max(putWidth, callWidth) * pointValue - totalCredit }
    /// Lower break-even at expiry: shortPut − credit (index level).
    public var lowerBreakEven: Double { shortPut - credit }
    /// Upper break-even at expiry: shortCall + credit (index level).
    public var upperBreakEven: Double { shortCall + credit }

    /// Value of the condor per unit at expiry (index points, ≥ 0): what it costs to buy back,
    /// max(shortPut − S, 0) − max(longPut − S, 0) + max(S − shortCall, 0) − max(S − longCall, 0).
    public func intrinsicValue(at spot: Double) -> Double {
        max(shortPut - spot, 0) - max(longPut - spot, 0) + max(spot - shortCall, 0) - max(spot - longCall, 0)
    }

    /// P&L at expiry in dollars with SPX settling at `spot`: (credit − intrinsic value) · 100 · qty.
    /// Equals +max profit between the shorts and −(width · 100 · qty − credit$) beyond a wing.
    public func expiryPnL(at spot: Double) -> Double {
        (credit - intrinsicValue(at: spot)) * pointValue
    }
}
