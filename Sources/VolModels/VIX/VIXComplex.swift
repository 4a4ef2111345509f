#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import MarketData
import QuantCore

/// The VIX futures curve and VIX option surface of one close, driven by the day's real inputs
/// when the store has them. One value serves the VIX chain, the hedge fills and the marks.
///
/// Futures. With VX settlements for the date, the curve passes through each settlement exactly at
/// its expiry: F(0) = spot VIX, linear in τ between nodes, and past the last settlement the
/// mean-reverting form F(τ) = θ + (F_last − θ)·e^{−κ(τ−τ_last)} with the fitted θ, κ
/// (`VIXComplexParameters`). Without settlements, F(τ) = θ + (VIX − θ)·e^{−κτ} (the fallback).
///
/// Options. Black-76 on the future of the option's expiry, SSVI smile in k = ln(K/F) with the
/// run's ρ, η and term slope δ (`VIXOptionParameters`), ATM vol σ(T) = s·(T/30d)^(−δ). The one
/// free number s is calibrated each day so that the Cboe VVIX computed over the modelled chain
/// (the Cboe VIX method, `CboeVIX`, applied to the VIX options of the two expiries around 30
/// days, with the modelled bids deciding the zero-bid truncation) equals the day's VVIX, as the
/// SPX surface is calibrated to the VIX. Without a real VVIX, or when it is implausible
/// (`IndexPlausibility`), the target is the fallback VVIX and `notes` say so.
///
/// Units: index points; τ, T in years ACT/365 from the valuation close; rates continuous.
public struct VIXComplex: Sendable {
    public enum FuturesSource: String, Sendable, Codable { case settlements, fallback }
    public enum VVIXSource: String, Sendable, Codable { case vvix, fallback }

    public let date: MarketDate
    public let vix: Double
    /// (τ, F) of the day's settlements with τ > 0, by τ.
    public let settlements: [(years: Double, future: Double)]
    public let theta: Double
    public let kappa: Double
    public let futuresSource: FuturesSource
    public let vvixSource: VVIXSource
    /// The VVIX the surface is calibrated to (real or fallback).
    public let vvixTarget: Double
    /// The Cboe VVIX over the calibrated chain (set by `calibrate`).
    public internal(set) var vvixModel: Double
    /// The calibrated 30-day ATM vol of vol s.
    public let atmVolatility30d: Double
    public let optionModel: VIXOptionModel
    /// What was real and what fell back, for every output that shows these prices.
    public internal(set) var notes: [String]

    /// Builds the day's complex from `inputs.vixComplex` (parameters validated first). The VVIX
    /// is computed over the strikes the chain lists (`strikes(future:step:)`).
    public static func calibrate(
        inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters
    ) throws -> VIXComplex {
        try parameters.validate()
        let fit = parameters.vixComplex
        let complex = inputs.vixComplex
        var notes: [String] = []
        let history = complex.recentVIX.isEmpty ? [inputs.vix] : complex.recentVIX
        guard let theta = fit.fallbackTheta(recentVIX: history) else {
            throw VolModelError.missingMarketData("no VIX history for the futures fallback on \(inputs.date)")
        }
        let nodes = complex.futures.filter { $0.expiry > inputs.date && $0.settle > 0 }
            .map { (years: inputs.years(to: $0.expiry), future: $0.settle) }.sorted { $0.years < $1.years }
        let futuresSource: FuturesSource = nodes.isEmpty ? .fallback : .settlements
        if nodes.isEmpty {
            notes.append("VIX futures: no settlements in the store for \(inputs.date): fallback curve (theta \(format(theta)), kappa \(format(fit.futuresKappa)))")
        } else {
            notes.append("VIX futures: through \(nodes.count) real settlements of \(inputs.date)")
        }

        var vvixSource = VVIXSource.vvix
        let target: Double
        if let real = complex.vvix, IndexPlausibility.isPlausible(real, symbol: "VVIX") {
            target = real
            notes.append("VIX options: calibrated to the real VVIX \(format(real))")
        } else {
            guard let fallback = fit.fallbackVVIX(vix: inputs.vix, recentVIX: history) else {
                throw VolModelError.missingMarketData("no VIX history for the VVIX fallback on \(inputs.date)")
            }
            target = fallback
            vvixSource = .fallback
            if let real = complex.vvix {
                notes.append("VIX options: VVIX \(format(real)) on \(inputs.date) is implausible (flagged, not fitted): calibrated to the fallback VVIX \(format(fallback))")
            } else {
                notes.append("VIX options: no VVIX in the store for \(inputs.date): calibrated to the fallback VVIX \(format(fallback))")
            }
        }

        let draft = VIXComplex(
            date: inputs.date, vix: inputs.vix, settlements: nodes, theta: theta, kappa: fit.futuresKappa, futuresSource: futuresSource,
            vvixSource: vvixSource, vvixTarget: target, vvixModel: .nan, atmVolatility30d: .nan,
            optionModel: VIXOptionModel(parameters: parameters.vixOptions), notes: notes)
        let terms = try draft.vvixTerms(calendar: calendar, inputs: inputs)
        // Every VVIX the search computed, by the scale's bits: the scale chosen is always one of
        // them (a bracket end or Brent's best point), so the result's VVIX is read, not computed
        // again (the same function of the same scale: the same value).
        var computed: [UInt64: Double] = [:]
        let found: VVIXScale
        do {
            found = try VVIXScaleSearch.scale(target: target) { s in
                let value = try draft.with(scale: s, parameters: parameters.vixOptions).modelVVIX(terms: terms, inputs: inputs, parameters: parameters)
                computed[s.bitPattern] = value
                return value
            }
        } catch {
            switch error {
            case .evaluation(let cause):
                throw VolModelError.numerical("VVIX of the modelled VIX chain on \(inputs.date): \(cause)")
            case .notFinite(let scale, let vvix):
                throw VolModelError.numerical("VVIX of the modelled VIX chain on \(inputs.date) is \(vvix) at vol of vol \(scale)")
            case .noConvergence:
                throw VolModelError.numerical("VVIX calibration did not converge on \(inputs.date) (target \(target))")
            }
        }
        switch found {
        case .fitted: break
        case .floor:
            notes.append("VIX options: VVIX target \(format(target)) below the model's range: vol of vol at its floor")
        case .cap:
            notes.append("VIX options: VVIX target \(format(target)) above the model's range: vol of vol at its cap")
        }
        let scale = found.value
        var result = try draft.with(scale: scale, parameters: parameters.vixOptions)
        if let known = computed[scale.bitPattern] {
            result.vvixModel = known
        } else {
            result.vvixModel = try result.modelVVIX(terms: terms, inputs: inputs, parameters: parameters)
        }
        result.notes = notes
        return result
    }

    init(
        date: MarketDate, vix: Double, settlements: [(years: Double, future: Double)], theta: Double, kappa: Double,
        futuresSource: FuturesSource, vvixSource: VVIXSource, vvixTarget: Double, vvixModel: Double, atmVolatility30d: Double,
        optionModel: VIXOptionModel, notes: [String]
    ) {
        self.date = date
        self.vix = vix
        self.settlements = settlements
        self.theta = theta
        self.kappa = kappa
        self.futuresSource = futuresSource
        self.vvixSource = vvixSource
        self.vvixTarget = vvixTarget
        self.vvixModel = vvixModel
        self.atmVolatility30d = atmVolatility30d
        self.optionModel = optionModel
        self.notes = notes
    }

    /// The same complex with ATM vol of vol s at 30 days (no level law: β = 0).
    func with(scale: Double, parameters p: VIXOptionParameters) throws -> VIXComplex {
        let options = try VIXOptionParameters(
            atmVolatilityAtLongRun: scale, levelElasticity: 0, termElasticity: p.termElasticity, referenceTime: p.referenceTime,
            minimumVolatility: min(p.minimumVolatility, scale), maximumVolatility: max(p.maximumVolatility, scale),
            skewCorrelation: p.skewCorrelation, skewLevel: p.skewLevel)
        return VIXComplex(
            date: date, vix: vix, settlements: settlements, theta: theta, kappa: kappa, futuresSource: futuresSource,
            vvixSource: vvixSource, vvixTarget: vvixTarget, vvixModel: vvixModel, atmVolatility30d: scale,
            optionModel: VIXOptionModel(parameters: options), notes: notes)
    }

    /// The VIX future for an expiry `years` ahead (τ ≥ 0): through the settlements, or the
    /// fallback curve; spot VIX at τ = 0.
    public func future(years tau: Double) -> Double {
        guard tau > 0 else { return vix }
        guard let last = settlements.last else { return theta + (vix - theta) * exp(-kappa * tau) }
        if tau >= last.years { return theta + (last.future - theta) * exp(-kappa * (tau - last.years)) }
        var previous = (years: 0.0, future: vix)
        for node in settlements {
            if tau <= node.years {
                let weight = (tau - previous.years) / (node.years - previous.years)
                return previous.future + weight * (node.future - previous.future)
            }
            previous = node
        }
        return last.future
    }

    /// Black-76 value of a VIX option at the calibrated smile (`time` > 0 years, `future` of
    /// the same expiry).
    public func price(_ type: OptionType, strike: Double, future: Double, time: Double, rate: Double) throws(VIXModelError) -> OptionValuation {
        try optionModel.price(type, strike: strike, future: future, time: time, rate: rate, vix: vix)
    }

    public func impliedVolatility(strike: Double, future: Double, time: Double) throws(VIXModelError) -> Double {
        try optionModel.impliedVolatility(strike: strike, future: future, time: time, vix: vix)
    }

    /// The smile volatility of each of `strikes` on one expiry: what `price` and
    /// `impliedVolatility` use (the same arithmetic, so the same bits), with the expiry's smile
    /// built once instead of once per option. Needs K, F, VIX and T > 0.
    func strikeVolatilities(_ strikes: [Double], future: Double, time: Double) throws(VIXModelError) -> [Double] {
        try strikeVolatilities(strikes, future: future, time: time) { Self.logMoneyness(strike: strikes[$0], future: future) }
    }

    /// `strikeVolatilities` with each strike's k = ln(K/F) already computed (`logMoneyness`,
    /// index for index, as many as `strikes`: a `VVIXTerm`'s).
    func strikeVolatilities(_ strikes: [Double], logMoneyness: [Double], future: Double, time: Double) throws(VIXModelError) -> [Double] {
        try strikeVolatilities(strikes, future: future, time: time) { logMoneyness[$0] }
    }

    /// The checks and the smile of both forms, `k(i)` the i-th strike's ln(K/F).
    private func strikeVolatilities(
        _ strikes: [Double], future: Double, time: Double, k logMoneyness: (Int) -> Double
    ) throws(VIXModelError) -> [Double] {
        // No strike, no check (as pricing each strike checked nothing when there was none).
        guard !strikes.isEmpty else { return [] }
        try VIXCheck.positive(future, "F")
        try VIXCheck.positive(time, "T")
        try VIXCheck.positive(vix, "vix")
        let smile = try optionModel.smile(vix: vix, time: time)
        var volatilities: [Double] = []
        volatilities.reserveCapacity(strikes.count)
        for (index, strike) in strikes.enumerated() {
            try VIXCheck.positive(strike, "K")
            let k = logMoneyness(index)
            try VIXCheck.finite(k, "k")
            volatilities.append(Self.smileVolatility(smile, logMoneyness: k, time: time))
        }
        return volatilities
    }

    /// k = ln(K/F): shared by `strikeVolatilities`, a quote sheet's on-demand strikes
    /// (`VIXSheetExpiry.volatility(at:)`) and its quotes' spreads, so all give the same bits.
    static func logMoneyness(strike: Double, future: Double) -> Double {
        log(strike / future)
    }

    /// σ = √(w(k)/T) on an expiry's smile: the one expression `strikeVolatilities` and a quote
    /// sheet's on-demand strikes use, so both give the same bits.
    static func smileVolatility(_ smile: SSVISlice, logMoneyness k: Double, time: Double) -> Double {
        (smile.totalVariance(k: k) / time).squareRoot()
    }

    /// A smile `provenSmile` vouched for, with what it was vouched for (the future, the time and
    /// the strikes): a quote sheet built on it takes those from it (`VIXSheetExpiry`).
    struct ProvenSmile: Sendable {
        let slice: SSVISlice
        let future: Double
        let time: Double
        let strikes: [Double]

        fileprivate init(slice: SSVISlice, future: Double, time: Double, strikes: [Double]) {
            (self.slice, self.future, self.time, self.strikes) = (slice, future, time, strikes)
        }
    }

    /// The expiry's smile when every one of `strikes` provably gets a valid volatility from it
    /// (what `strikeVolatilities` would return without an error), so that a quote sheet may work
    /// each strike's volatility out when it is read; nil when that is not shown here (the caller
    /// then computes them all, with their checks, as before). Throws what `strikeVolatilities`
    /// throws before its strikes (F, T, the VIX, the smile), in the same order.
    ///
    /// Why it holds: for k = ln(K/F) with K/F a normal double, k is finite and |k| is at most
    /// k̄ = max |ln(K/F)| over the extreme strikes, plus their rounding. SSVI's
    /// w(k) = θ/2·(1 + ρφk + √((φk + ρ)² + 1 − ρ²)) has its minimum θ(1 − ρ²) at φk = −2ρ; the
    /// rounding of the expression (a dozen operations on terms of size at most 2 + 2φ|k|) moves
    /// it by less than 16ε(2 + 2φ|k|), ε = 2⁻⁵² (under 8e-9 at the bound below). So with
    /// 1 − ρ² ≥ 1e-6 and φ(k̄ + 1) ≤ 1e6 the computed bracket is positive (at least
    /// 2e-6 − 8e-9), w is ≥ 0 and finite, and with θ(2 + 2φ(k̄ + 1))/T ≤ 1e300 and T normal,
    /// σ = √(w/T) is finite and ≥ 0: every check of
    /// `strikeVolatilities` and of Black-76 on σ passes. (A VIX smile is far inside these bounds:
    /// |ρ| ≤ 0.9 or so, φ below a few hundred.)
    func provenSmile(_ strikes: [Double], future: Double, time: Double) throws(VIXModelError) -> ProvenSmile? {
        guard !strikes.isEmpty else { return nil }
        try VIXCheck.positive(future, "F")
        try VIXCheck.positive(time, "T")
        try VIXCheck.positive(vix, "vix")
        let smile = try optionModel.smile(vix: vix, time: time)
        var lowest = Double.infinity, highest = -Double.infinity
        for strike in strikes {
            // Checked as `strikeVolatilities` checks it, and K/F normal so that ln(K/F) is finite.
            guard strike.isFinite, strike > 0, (strike / future).isNormal else { return nil }
            lowest = min(lowest, strike)
            highest = max(highest, strike)
        }
        let extreme = max(abs(Self.logMoneyness(strike: lowest, future: future)), abs(Self.logMoneyness(strike: highest, future: future))) + 1
        let (theta, phi) = (smile.theta, smile.phi)
        guard theta.isFinite, theta > 0, phi.isFinite, phi >= 0, smile.rho.isFinite, smile.oneMinusRhoSquared >= 1e-6,
            phi * extreme <= 1e6, time.isNormal, theta * (2 + 2 * phi * extreme) / time <= 1e300
        else { return nil }
        return ProvenSmile(slice: smile, future: future, time: time, strikes: strikes)
    }

    /// The Black-76 call and put prices at a volatility from `strikeVolatilities`: the inputs
    /// checked once (as `Black76.value` checks them, the same error), each price the one
    /// `Black76.value` gives to the bit (the pair shares the strike's d₁ and tails).
    func pricePair(strike: Double, future: Double, time: Double, rate: Double, volatility: Double) throws(VIXModelError) -> (call: Double, put: Double) {
        do {
            try Black76.validate(forward: future, strike: strike, time: time, rate: rate, volatility: volatility)
        } catch {
            throw .pricing(error)
        }
        return Black76.uncheckedPricePair(forward: future, strike: strike, time: time, rate: rate, volatility: volatility)
    }

    /// The ATM vol of vol for an expiry `time` years ahead.
    public func atmVolatility(time: Double) throws(VIXModelError) -> Double {
        try optionModel.atmVolatility(vix: vix, time: time)
    }

    /// The strikes listed for a future: from 50% to 400% of the future (rounded outward), every
    /// half `step` below 20 and every `step` from 20 up (Cboe lists VIX strikes in half points
    /// at low levels; whole points alone leave a low-VIX strip with no bid put below K0). The
    /// chain and the VVIX computation share these strikes.
    public static func strikes(future: Double, step: Double) -> [Double] {
        let fine = step / 2
        let first = max(fine, (0.5 * future / fine).rounded(.down) * fine)
        let last = (4 * future / step).rounded(.up) * step
        var strikes: [Double] = []
        // At most this many: every half step from the first strike to the last (a reservation
        // only, skipped for a count no chain has).
        let most = ((last - first) / fine).rounded(.up) + 2
        if most >= 0, most <= 100_000 { strikes.reserveCapacity(Int(most)) }
        var strike = first
        while strike <= last + fine / 2 {
            strikes.append(strike)
            strike += strike < 20 - fine / 2 ? fine : step
        }
        return strikes
    }

    // MARK: - VVIX over the modelled chain

    /// One VIX expiry the VVIX reads, fixed for the whole VVIX search (only the vol of vol
    /// varies): its strikes and, index for index, their ln(K/F) (`logMoneyness`), computed once.
    struct VVIXTerm {
        let years: Double
        let rate: Double
        let future: Double
        let strikes: [Double]
        let logMoneyness: [Double]

        init(years: Double, rate: Double, future: Double, strikes: [Double]) {
            self.years = years
            self.rate = rate
            self.future = future
            self.strikes = strikes
            logMoneyness = strikes.map { VIXComplex.logMoneyness(strike: $0, future: future) }
        }
    }

    /// The two monthly VIX expiries the VVIX reads: the last one at most 30 days out (and more
    /// than 7: a nearer one is about to settle and Cboe-style indices roll past it) and the
    /// first beyond 30 days; with no near one, the first two beyond 30 days (the variance is
    /// then extrapolated linearly in total variance, as `CboeVIX` does).
    func vvixTerms(calendar: TradingCalendar, inputs: MarketInputs) throws -> [VVIXTerm] {
        guard let dates = calendar.vixExpiries(from: inputs.date.adding(days: 1), through: inputs.date.adding(days: 100)) else {
            throw VolModelError.missingMarketData("trading calendar does not cover the VIX expiries after \(inputs.date)")
        }
        let days = dates.map { $0 - inputs.date }
        let nearIndex = days.lastIndex { $0 <= 30 && $0 > 7 }
        guard let nextIndex = days.firstIndex(where: { $0 > 30 }) else {
            throw VolModelError.missingMarketData("no VIX expiry beyond 30 days after \(inputs.date)")
        }
        var chosen = [nextIndex]
        if let nearIndex { chosen.insert(nearIndex, at: 0) } else if nextIndex + 1 < dates.count { chosen.append(nextIndex + 1) }
        return chosen.map { index in
            let t = inputs.years(to: dates[index])
            let f = future(years: t)
            return VVIXTerm(years: t, rate: inputs.rates.rate(years: t), future: f, strikes: Self.strikes(future: f, step: 1))
        }
    }

    func modelVVIX(terms: [VVIXTerm], inputs: MarketInputs, parameters: ChainModelParameters) throws -> Double {
        let eventDay = !inputs.eventsToday.isEmpty
        var variances: [CboeVarianceTerm] = []
        for term in terms {
            let deviation = try atmVolatility(time: term.years) * term.years.squareRoot()
            var strip: [OptionStripQuote] = []
            strip.reserveCapacity(term.strikes.count)
            let volatilities = try strikeVolatilities(term.strikes, logMoneyness: term.logMoneyness, future: term.future, time: term.years)
            for (index, strike) in term.strikes.enumerated() {
                let (call, put) = try pricePair(
                    strike: strike, future: term.future, time: term.years, rate: term.rate, volatility: volatilities[index])
                let sd = abs(term.logMoneyness[index]) / deviation
                let c = parameters.vixSpreads.quote(mid: call, standardDeviations: sd, eventDay: eventDay)
                let p = parameters.vixSpreads.quote(mid: put, standardDeviations: sd, eventDay: eventDay)
                // Cboe prices each option at its mid; the bid decides the zero-bid truncation.
                // The model mid is used (not the tick-rounded quote midpoint) so the VVIX moves
                // smoothly with the calibrated scale.
                strip.append(
                    OptionStripQuote(
                        strike: strike, callBid: min(c.bid, call), callAsk: 2 * call - min(c.bid, call), putBid: min(p.bid, put),
                        putAsk: 2 * put - min(p.bid, put)))
            }
            variances.append(try CboeVIX.termVariance(strip: strip, years: term.years, rate: term.rate))
        }
        return try CboeVIX.index(near: variances[0], next: variances[variances.count - 1])
    }
}

private func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return String(describing: rounded)
}
