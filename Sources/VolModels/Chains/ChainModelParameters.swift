/// Every parameter of the synthetic chains in one value, loadable from a TOML config file
/// (`vixshield chain --config FILE`); defaults are the documented defaults of each model.
public struct ChainModelParameters: Sendable, Codable, Equatable {
    public var surface: SPXSurfaceParameters = .standard
    public var vixTermStructure: VIXTermStructureParameters = .standard
    public var vixOptions: VIXOptionParameters = .standard
    /// The fallback fits of the VIX complex (futures without settlements, VVIX without VVIX).
    public var vixComplex: VIXComplexParameters = .standard
    public var spxSpreads: QuoteSpreadModel = .spx
    public var vixSpreads: QuoteSpreadModel = .vix
    public var events: EventVarianceParameters = .standard
    public var expiries: ExpiryScheduleParameters = .standard

    public init() {}

    public func validate() throws(VolModelError) {
        do { try surface.validate() } catch { throw .invalidParameter(name: "surface.\(error.field)", reason: error.description) }
        try spxSpreads.validate()
        try vixSpreads.validate()
        try events.validate()
        try expiries.validate()
        try vixComplex.validate()
    }
}

/// Jump variance (total variance, (log-move)²) of each scheduled event kind: an FOMC statement
/// moves the S&P 500 by about 1% (1e-4), a CPI release about 0.8% (0.6e-4); other user events
/// get `other`. Assumptions in line with the typical absolute index moves on such days.
public struct EventVarianceParameters: Sendable, Codable, Equatable {
    public var fomc: Double
    public var cpi: Double
    public var other: Double

    public static let standard = EventVarianceParameters(fomc: PendingEvent.fomcJumpVariance, cpi: PendingEvent.cpiJumpVariance, other: 0.3e-4)

    public init(fomc: Double, cpi: Double, other: Double) {
        self.fomc = fomc
        self.cpi = cpi
        self.other = other
    }

    public func validate() throws(VolModelError) {
        for (name, value) in [("events.fomc", fomc), ("events.cpi", cpi), ("events.other", other)] where !(value >= 0 && value < 0.05) {
            throw .invalidParameter(name: name, reason: "jump variance must be in [0, 0.05) (got \(value))")
        }
    }
}

/// Which expiries a synthetic SPX chain lists: Friday weeklies up to `weeklyDays` calendar days
/// ahead and standard monthlies up to `monthlyDays`; strikes every `spxStrikeStep` points out to
/// `maximumDeviations` ATM standard deviations or until the model mid falls below
/// `minimumListedPrice`, whichever comes first; VIX monthlies up to `vixMonths` ahead with
/// strikes every `vixStrikeStep`.
public struct ExpiryScheduleParameters: Sendable, Codable, Equatable {
    public var weeklyDays: Int
    public var monthlyDays: Int
    public var spxStrikeStep: Double
    public var maximumDeviations: Double
    public var minimumListedPrice: Double
    public var vixMonths: Int
    public var vixStrikeStep: Double

    public static let standard = ExpiryScheduleParameters(
        weeklyDays: 42, monthlyDays: 366, spxStrikeStep: 5, maximumDeviations: 10, minimumListedPrice: 0.05, vixMonths: 6,
        vixStrikeStep: 1)

    public init(weeklyDays: Int, monthlyDays: Int, spxStrikeStep: Double, maximumDeviations: Double, minimumListedPrice: Double, vixMonths: Int, vixStrikeStep: Double) {
        self.weeklyDays = weeklyDays
        self.monthlyDays = monthlyDays
        self.spxStrikeStep = spxStrikeStep
        self.maximumDeviations = maximumDeviations
        self.minimumListedPrice = minimumListedPrice
        self.vixMonths = vixMonths
        self.vixStrikeStep = vixStrikeStep
    }

    public func validate() throws(VolModelError) {
        guard weeklyDays >= 0, monthlyDays > 0, vixMonths > 0 else {
            throw .invalidParameter(name: "expiries.weeklyDays", reason: "horizons must be positive")
        }
        guard spxStrikeStep > 0, vixStrikeStep > 0 else {
            throw .invalidParameter(name: "expiries.spxStrikeStep", reason: "strike steps must be > 0")
        }
        guard maximumDeviations > 0, minimumListedPrice >= 0 else {
            throw .invalidParameter(name: "expiries.maximumDeviations", reason: "must be > 0, and minimumListedPrice >= 0")
        }
    }
}
