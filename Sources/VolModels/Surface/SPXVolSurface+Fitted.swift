extension SPXVolSurface {
    /// A surface from fitted SSVI parameters (a real chain's calibration): ATM total variances
    /// θ at the fitted expiries, one (ρ, η, γ). No separate event variance: a market smile
    /// already contains it. θ is made non-decreasing in T (a running maximum) so the surface
    /// stays free of calendar arbitrage; the term structure and `diffusiveVIX` are read off the
    /// fitted 30-day variance swap.
    public static func fitted(
        spot: Double, rate: Double, dividendYield: Double, expiries: [Double], atmTotalVariances: [Double],
        parameters: SPXSurfaceParameters
    ) throws(SPXSurfaceError) -> SPXVolSurface {
        try parameters.validate()
        guard !expiries.isEmpty, expiries.count == atmTotalVariances.count else {
            throw .invalidInput(field: "expiries", value: Double(expiries.count), reason: "need one θ per expiry")
        }
        let order = expiries.indices.sorted { expiries[$0] < expiries[$1] }
        var times: [Double] = []
        var thetas: [Double] = []
        for index in order {
            try check(expiries[index], "expiries[\(index)]", expiries[index] > 0, "must be > 0")
            try check(atmTotalVariances[index], "atmTotalVariances[\(index)]", atmTotalVariances[index] > 0, "must be > 0")
            times.append(expiries[index])
            thetas.append(max(atmTotalVariances[index], thetas.last ?? 0))
        }
        let shape = Shape(rho: parameters.rho, eta: parameters.eta, gamma: parameters.gamma)
        let slices = thetas.map(shape.slice)
        let provisional = SPXVolSurface(
            vix: 0, spot: spot, rate: rate, dividendYield: dividendYield, parameters: parameters, events: [], expiries: times,
            termStructure: VarianceSwapTermStructure(thirtyDayVariance: 0.04, meanReversion: parameters.meanReversion, longRunVariance: 0.04),
            diffusiveVIX: 0, diffusiveATMTotalVariances: thetas, slices: slices)
        let t30 = VarianceSwapTermStructure.vixHorizon
        let v30 = provisional.slice(t30).varianceSwapTotalVariance() / t30
        let structure = VarianceSwapTermStructure(
            thirtyDayVariance: v30, meanReversion: parameters.meanReversion,
            longRunVariance: parameters.longRunVolatility * parameters.longRunVolatility)
        return SPXVolSurface(
            vix: 100 * v30.squareRoot(), spot: spot, rate: rate, dividendYield: dividendYield, parameters: parameters, events: [],
            expiries: times, termStructure: structure, diffusiveVIX: 100 * v30.squareRoot(), diffusiveATMTotalVariances: thetas,
            slices: slices)
    }
}
