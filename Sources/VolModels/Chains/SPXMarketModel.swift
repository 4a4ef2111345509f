import Foundation
import MarketData
import QuantCore

/// The SPX surface for one valuation date: listed expiries from the trading calendar, pending
/// events as jump variance, the surface calibrated to that day's VIX (see `SPXVolSurface`).
public struct SPXMarketModel: Sendable {
    public let inputs: MarketInputs
    public internal(set) var expiryDates: [MarketDate]
    public internal(set) var surface: SPXVolSurface
    public let parameters: ChainModelParameters

    public init(inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters = ChainModelParameters()) throws {
        try parameters.validate()
        self.inputs = inputs
        self.parameters = parameters
        expiryDates = try Self.listedExpiries(after: inputs.date, calendar: calendar, schedule: parameters.expiries)
        let events = inputs.pendingEvents.map { Self.pendingEvent($0, from: inputs.date, parameters: parameters.events) }
        let times = expiryDates.map(inputs.years(to:))
        let anchored = try Self.cboeAnchor(
            inputs: inputs, parameters: parameters, expiryDates: expiryDates, shape: parameters.surface, events: events, start: inputs.vix)
        anchorVIX = anchored.anchor
        if let note = anchored.note { notes.append(note) }
        // The full surface with the fixed shape at that anchor: the day's surface without a
        // fitted SKEW, and the fallback when the fit fails. A day whose SKEW is fitted rebuilds
        // the full surface with the fitted shape and never reads this one, so it is calibrated
        // only where it is used (17-18 variance-swap solves a session fewer). Where it cannot be
        // calibrated the model fails with its error, as before, unless the SKEW fit succeeded.
        let fixedAnchor = anchored.anchor
        func fixedShape() throws -> SPXVolSurface {
            try Self.calibrate(inputs: inputs, vix: fixedAnchor, shape: parameters.surface, times: times, events: events)
        }
        guard let skew = inputs.skew else {
            surface = try fixedShape()
            notes.append("SPX skew: no SKEW in the store for \(inputs.date): fixed smile shape (rho \(parameters.surface.rho))")
            return
        }
        guard IndexPlausibility.isPlausible(skew, symbol: "SKEW") else {
            surface = try fixedShape()
            skewSource = .implausible
            notes.append("SPX skew: SKEW \(skew) on \(inputs.date) is outside the plausible range: not fitted, fixed smile shape (rho \(parameters.surface.rho))")
            return
        }
        // A failed fit falls back to the fixed shape, says so and names the cause; the day's
        // prices then come from the VIX alone, as on a day without a SKEW.
        do {
            let fit = try Self.calibrateSkew(
                inputs: inputs, parameters: parameters, expiryDates: expiryDates, anchor: fixedAnchor, target: skew, times: times,
                events: events)
            surface = fit.surface
            anchorVIX = fit.anchor
            notes += fit.notes
            skewSource = fit.clamped ? .clamped : .skew
            skewTarget = skew
            modelSKEW = fit.modelSKEW
        } catch {
            surface = try fixedShape()
            skewSource = .failed
            notes.append("SPX skew: fitting SKEW \(skew) failed on \(inputs.date) (\(error)): fixed smile shape (rho \(parameters.surface.rho))")
        }
    }

    /// One SSVI surface on the model's expiries, its 30-day variance swap anchored at `vix`.
    static func calibrate(inputs: MarketInputs, vix: Double, shape: SPXSurfaceParameters, times: [Double], events: [PendingEvent]) throws -> SPXVolSurface {
        do {
            return try SPXVolSurface.calibrated(
                vix: vix, spot: inputs.spot, rate: inputs.rates.rate(years: 30.0 / 365),
                dividendYield: shape.dividendYield, expiries: times, events: events, parameters: shape)
        } catch {
            throw VolModelError.numerical("SPX surface on \(inputs.date): \(error)")
        }
    }

    /// The published VIX is Cboe's discrete computation over listed strikes, interpolated
    /// linearly in total variance between the two expiries around 30 days; the surface's anchor
    /// is the continuous 30-day variance swap. They differ when an event falls between day 30
    /// and the next expiry, and by the strike grid's truncation. Rescale the anchor, from
    /// `start`, until the Cboe computation over this model's own chain gives the day's VIX (a
    /// few hundredths of a point; usually one or two steps). When the Cboe computation cannot
    /// run on the model's chain, the anchor stays where it is and the note says why.
    ///
    /// The search runs on a probe surface (`CboeProbe`): the listed expiries up to the Cboe
    /// computation's next term (5-6 of 16-17), a step solving 6-7 variance swaps instead of the
    /// full surface's 17-18 (each also solves its 30-day anchor); the caller calibrates the full
    /// surface once, at the anchor found. Returns the anchor, the note for `notes`, if any, and
    /// the Cboe terms over the probe at that anchor when they were computed (the full surface's
    /// own terms, bit for bit: its SKEW needs no new strips). `startTerms`, when the caller has
    /// them, are the terms of the probe at `start` with `shape` (a SKEW fit's last evaluation),
    /// so the first step neither recalibrates nor reprices that probe.
    private static func cboeAnchor(
        inputs: MarketInputs, parameters: ChainModelParameters, expiryDates: [MarketDate], shape: SPXSurfaceParameters,
        events: [PendingEvent], start: Double, startTerms: CboeTerms? = nil
    ) throws -> (anchor: Double, note: String?, terms: CboeTerms?) {
        let probe: CboeProbe
        do {
            probe = try CboeProbe(inputs: inputs, parameters: parameters, expiryDates: expiryDates, events: events)
        } catch {
            return (start, "SPX surface: Cboe VIX over the model chain not computable (\(error)): anchored at the VIX \(inputs.vix)", nil)
        }
        // A calibration error stops the model; a Cboe computation error becomes the note.
        func termsOfProbe(at vix: Double) throws -> Result<CboeTerms, any Error> {
            let model = try probe.model(vix: vix, shape: shape)
            return Result { try ModelVIX.terms(model) }
        }
        var anchor = start
        var terms = try startTerms.map { Result.success($0) } ?? termsOfProbe(at: anchor)
        for _ in 0..<4 {
            let computed: Double
            let current: CboeTerms
            do {
                current = try terms.get()
                computed = try CboeVIX.index(near: current.near, next: current.next)
            } catch {
                return (anchor, "SPX surface: Cboe VIX over the model chain not computable (\(error)): anchored at the VIX \(inputs.vix)", nil)
            }
            if abs(computed - inputs.vix) <= 0.005 { return (anchor, nil, current) }
            guard computed > 0 else {
                return (anchor, "SPX surface: Cboe VIX over the model chain is \(computed): anchored at \(anchor)", current)
            }
            anchor *= inputs.vix / computed
            terms = try termsOfProbe(at: anchor)
        }
        let current = try terms.get()
        let last = try CboeVIX.index(near: current.near, next: current.next)
        guard abs(last - inputs.vix) > 0.005 else { return (anchor, nil, current) }
        return (anchor, "SPX surface: Cboe VIX over the model chain \(Self.format(last)) after 4 anchor steps (VIX \(inputs.vix))", current)
    }

    /// The near and next Cboe variance terms over a model's chain (`ModelVIX.terms`).
    typealias CboeTerms = (near: CboeVarianceTerm, next: CboeVarianceTerm)

    /// What the Cboe computations (`ModelVIX`, `ModelSKEW`) read of a model, for the searches
    /// that recalibrate it at every step: the listed expiries up to and including the next
    /// term, in order. A surface's slices are solved one expiry after another, each root search
    /// starting from the previous expiry's variance-swap ratio, so the probe's slices are the
    /// full surface's bit for bit (CboeAnchorProbeTests), and so is everything computed from
    /// them; the later expiries, which the Cboe terms never read, are left out.
    struct CboeProbe {
        let inputs: MarketInputs
        let parameters: ChainModelParameters
        let expiryDates: [MarketDate]
        let times: [Double]
        let events: [PendingEvent]

        /// Throws what `ModelVIX.bracket` throws when no two expiries bracket 30 days.
        init(inputs: MarketInputs, parameters: ChainModelParameters, expiryDates: [MarketDate], events: [PendingEvent]) throws {
            let (_, next) = try ModelVIX.bracket(date: inputs.date, expiryDates: expiryDates)
            self.inputs = inputs
            self.parameters = parameters
            self.expiryDates = expiryDates.filter { $0 <= next }
            times = self.expiryDates.map(inputs.years(to:))
            self.events = events
        }

        /// The probe calibrated at `vix` with `shape`. Only `inputs`, `parameters`,
        /// `expiryDates` and `surface` are set: what the Cboe computations read.
        func model(vix: Double, shape: SPXSurfaceParameters) throws -> SPXMarketModel {
            SPXMarketModel(
                inputs: inputs, parameters: parameters, expiryDates: expiryDates,
                surface: try SPXMarketModel.calibrate(inputs: inputs, vix: vix, shape: shape, times: times, events: events))
        }
    }

    /// A model of `expiryDates` on `surface` as it stands, for `CboeProbe`: the anchor, notes and
    /// skew fields keep their defaults, which the Cboe computations do not read.
    private init(inputs: MarketInputs, parameters: ChainModelParameters, expiryDates: [MarketDate], surface: SPXVolSurface) {
        self.inputs = inputs
        self.parameters = parameters
        self.expiryDates = expiryDates
        self.surface = surface
    }

    /// Sets the smile's skew so that the Cboe SKEW over the model's own chain equals the day's
    /// SKEW (`ModelSKEW`; stops within `skewTolerance` points). One strength parameter s in
    /// [0, 1] moves the SSVI curvature η from 0.2 (an almost flat smile) to its no-arbitrage
    /// bound η²(1+|ρ|) ≤ 4 (GJ2014 Theorem 4.2 with γ ≤ 1/2; 1.53 at ρ = −0.7), with ρ kept at
    /// its configured literature value: a higher SKEW fattens the left tail while the call wing
    /// still curves up. Letting ρ go towards −1 would reach higher SKEWs but flattens the call
    /// side until 30-45 day call deltas fall by 0.06 per 5-point strike (mid-2014 at ρ −0.95),
    /// far steeper than real chains; so it is not done. Measured on 2007-2016 sessions, the path
    /// spans a model SKEW of about 104 to 136; the real SKEW lay in 106-154: a SKEW outside what
    /// the path reaches is matched as closely as it allows and `notes` say so. The search is
    /// the Illinois variant of regula falsi on the Cboe probe (`CboeProbe`: the expiries up to
    /// the next Cboe term, whose slices are the full surface's bit for bit); the full surface is
    /// then rebuilt with that shape and re-anchored to the VIX. Returns what the model takes
    /// from the fit (`SkewFit`); the caller keeps none of it when the fit throws.
    private static func calibrateSkew(
        inputs: MarketInputs, parameters: ChainModelParameters, expiryDates: [MarketDate], anchor start: Double, target: Double,
        times: [Double], events: [PendingEvent]
    ) throws -> SkewFit {
        let probe = try CboeProbe(inputs: inputs, parameters: parameters, expiryDates: expiryDates, events: events)
        let path = SkewPath(base: parameters.surface)
        var notes: [String] = []
        // Each evaluated strength's Cboe terms (`ModelSKEW.cboe` is the SKEW over them): the
        // re-anchoring starts at the chosen one's, already computed.
        var evaluated: [(strength: Double, terms: CboeTerms)] = []
        func gap(_ strength: Double) throws -> Double {
            let terms = try ModelVIX.terms(probe.model(vix: start, shape: path.shape(strength)))
            evaluated.append((strength, terms))
            return try CboeSKEW.index(near: terms.near, next: terms.next) - target
        }
        var a = path.range.upperBound, fa = try gap(a)  // the highest SKEW the path reaches
        var b = path.range.lowerBound, fb = try gap(b)  // the lowest
        var strength: Double
        var clamped = true
        if fa <= 0 {
            strength = a
            notes.append("SPX skew: SKEW \(Self.format(target)) is above the highest the smile path reaches (\(Self.format(target + fa))): strongest skew used")
        } else if fb >= 0 {
            strength = b
            notes.append("SPX skew: SKEW \(Self.format(target)) is below the lowest the smile path reaches (\(Self.format(target + fb))): weakest skew used")
        } else {
            clamped = false
            strength = a
            var side = 0
            for _ in 0..<40 {
                strength = (a * fb - b * fa) / (fb - fa)
                let fs = try gap(strength)
                if abs(fs) <= Self.skewTolerance { break }
                if (fs > 0) == (fa > 0) {
                    a = strength; fa = fs
                    if side == -1 { fb /= 2 }
                    side = -1
                } else {
                    b = strength; fb = fs
                    if side == 1 { fa /= 2 }
                    side = 1
                }
            }
        }
        let shape = path.shape(strength)
        let anchored = try Self.cboeAnchor(
            inputs: inputs, parameters: parameters, expiryDates: expiryDates, shape: shape, events: events, start: start,
            startTerms: evaluated.last { $0.strength.bitPattern == strength.bitPattern }?.terms)
        let surface = try Self.calibrate(inputs: inputs, vix: anchored.anchor, shape: shape, times: times, events: events)
        if let note = anchored.note { notes.append(note) }
        let computed: Double
        if let terms = anchored.terms {
            computed = try CboeSKEW.index(near: terms.near, next: terms.next)
        } else {
            computed = try ModelSKEW.cboe(SPXMarketModel(inputs: inputs, parameters: parameters, expiryDates: expiryDates, surface: surface))
        }
        if !clamped, abs(computed - target) > 1 {
            notes.append("SPX skew: the fit stopped \(Self.format(abs(computed - target))) points from SKEW \(Self.format(target))")
        }
        notes.append("SPX skew: calibrated to the real SKEW \(Self.format(target)) (model \(Self.format(computed)); rho \(Self.format(shape.rho)), eta \(Self.format(shape.eta)))")
        return SkewFit(surface: surface, anchor: anchored.anchor, notes: notes, clamped: clamped, modelSKEW: computed)
    }

    /// What a SKEW fit gives the model: the full surface with the fitted shape, re-anchored
    /// to the VIX, the anchor, the fit's notes in order, whether the SKEW lay beyond the smile
    /// path (the nearest end used) and the Cboe SKEW over the fitted chain.
    private struct SkewFit {
        let surface: SPXVolSurface
        let anchor: Double
        let notes: [String]
        let clamped: Bool
        let modelSKEW: Double
    }

    /// The path of smile shapes the SKEW calibration searches (see `calibrateSkew`): the
    /// curvature η at the configured ρ, from an almost flat smile to η's no-arbitrage bound.
    struct SkewPath {
        let base: SPXSurfaceParameters
        /// η at s = 0: an almost flat smile (the lowest SKEW the path reaches, about 104).
        static let weakestEta = 0.2
        let range: ClosedRange<Double> = 0...1

        /// η's no-arbitrage bound η²(1+|ρ|) ≤ 4, a hair inside it.
        static func maximumEta(rho: Double) -> Double { (1 - 1e-9) * 2 / (1 + abs(rho)).squareRoot() }

        func shape(_ s: Double) -> SPXSurfaceParameters {
            var shape = base
            shape.eta = Self.weakestEta + (Self.maximumEta(rho: base.rho) - Self.weakestEta) * s
            return shape
        }
    }

    /// SKEW points within which the calibration stops (the target is 1 point).
    public static let skewTolerance = 0.1

    /// Where the smile's skew came from.
    public enum SkewSource: String, Sendable, Codable {
        /// The smile's curvature calibrated to the day's Cboe SKEW.
        case skew
        /// The day's SKEW lies outside what the shape path reaches: the nearest shape is used.
        case clamped
        /// Fitting the SKEW failed (a model error, noted with its cause): fixed shape.
        case failed
        /// The fixed default shape: no SKEW in the store for the day.
        case fixed
        /// The day's SKEW was outside the plausible range: fixed shape, day flagged.
        case implausible
        /// Fitted to an imported real SPX chain.
        case realChain

        /// Whether the day's smile came from real data (the SKEW fitted, or a real chain).
        public var isReal: Bool { self == .skew || self == .realChain }
    }

    public internal(set) var skewSource = SkewSource.fixed
    /// The SKEW the smile was calibrated to, and the Cboe SKEW over the calibrated chain.
    public internal(set) var skewTarget: Double?
    public internal(set) var modelSKEW: Double?
    /// What was real and what fell back, for every output that shows these prices.
    public internal(set) var notes: [String] = []

    /// A model whose surface is fitted to a real chain of that date instead of derived from the
    /// VIX (see `RealChainCalibration`); `fit` reports the fit error.
    public init(inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters = ChainModelParameters(), realChain: [OptionQuote]) throws {
        try parameters.validate()
        self.inputs = inputs
        self.parameters = parameters
        expiryDates = try Self.listedExpiries(after: inputs.date, calendar: calendar, schedule: parameters.expiries)
        let fit = try RealChainCalibration.fit(realChain, inputs: inputs, parameters: parameters.surface)
        surface = fit.surface
        self.fit = fit
        anchorVIX = fit.surface.modelVIX
        skewSource = .realChain
        notes.append("SPX surface: fitted to the real SPX chain of \(inputs.date): \(fit.summary)")
    }

    /// The model for a date from the store: fitted to the real SPX chain imported for that date
    /// when there is one (`RealChainCalibration`), otherwise calibrated to the VIX.
    public static func forDate(
        _ store: some MarketDataStore, inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters = ChainModelParameters()
    ) throws -> SPXMarketModel {
        let real = try store.optionQuotes(underlying: "SPX", quoteDate: inputs.date)
        if real.isEmpty { return try SPXMarketModel(inputs: inputs, calendar: calendar, parameters: parameters) }
        return try SPXMarketModel(inputs: inputs, calendar: calendar, parameters: parameters, realChain: real)
    }

    /// Set when the surface was fitted to a real chain.
    public internal(set) var fit: SurfaceFit?

    /// The VIX level fed to the surface's 30-day variance-swap anchor after matching the Cboe
    /// computation (equal to the input VIX unless an event or the strike grid moved it).
    public internal(set) var anchorVIX: Double = 0

    private static func format(_ x: Double) -> String { String(format: "%.2f", x) }

    /// Friday weeklies within `weeklyDays`, standard monthlies within `monthlyDays`, and none
    /// beyond the trading calendar's last session (near the end of the bundled calendar,
    /// 2026-12-31, the longest expiries are not listed rather than guessed).
    public static func listedExpiries(after date: MarketDate, calendar: TradingCalendar, schedule: ExpiryScheduleParameters) throws -> [MarketDate] {
        let end = min(date.adding(days: schedule.monthlyDays), calendar.lastSession)
        guard let all = calendar.spxExpiries(from: date.adding(days: 1), through: end, includeWeeklies: true) else {
            throw VolModelError.missingMarketData("trading calendar does not cover \(date) .. \(end)")
        }
        let listed = all.filter { expiry in
            if expiry - date <= schedule.weeklyDays { return true }
            let (y, m, _) = expiry.components
            // Monthly if it is this month's standard expiry (third Friday or the session before it).
            return calendar.spxMonthlyExpiry(year: y, month: m) == expiry
                || calendar.spxMonthlyExpiry(year: m == 12 ? y + 1 : y, month: m % 12 + 1) == expiry
        }
        guard !listed.isEmpty else { throw VolModelError.missingMarketData("no SPX expiries after \(date)") }
        return listed
    }

    /// A calendar event as jump variance. τ counts to the release time: an 08:30 CPI or a 14:00
    /// FOMC statement falls before the 16:00 close of its day, so options expiring that day
    /// already carry it.
    public static func pendingEvent(_ event: CalendarEvent, from date: MarketDate, parameters: EventVarianceParameters) -> PendingEvent {
        let jump = event.isFOMC ? parameters.fomc : (event.isCPI ? parameters.cpi : parameters.other)
        var hoursBeforeClose = 2.0
        if let time = event.timeET, let hour = Double(time.prefix(2)), let minute = Double(time.suffix(2)) {
            hoursBeforeClose = max(0, 16 - hour - minute / 60)
        }
        let days = Double(event.date - date) - hoursBeforeClose / 24
        return PendingEvent(name: event.event, timeToEvent: days / 365, jumpVariance: jump)
    }
}
