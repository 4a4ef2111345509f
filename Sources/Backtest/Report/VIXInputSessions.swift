import VolModels

/// How many sessions of a run priced VIX derivatives on real inputs and how many on the
/// fallbacks (`VIXComplex`), and how many SPX smiles were calibrated to the real SKEW
/// (`SPXMarketModel`), so every report says which of its prices were real-driven.
public struct VIXInputSessions: Sendable, Codable, Equatable {
    /// Futures curve through the day's real VX settlements.
    public var futuresSettled: Int
    /// Futures curve from the fitted fallback (no settlements stored for the day).
    public var futuresFallback: Int
    /// Option surface calibrated to the day's real VVIX.
    public var vvixReal: Int
    /// Option surface calibrated to the fallback VVIX (none stored, or implausible).
    public var vvixFallback: Int
    /// Sessions whose VIX complex could not be built (no VIX derivative could be priced).
    public var unavailable: Int
    /// SPX smile skew calibrated to the day's real SKEW.
    public var skewReal: Int
    /// SPX smile with the fixed default shape (no SKEW stored, implausible, or the fit failed).
    public var skewFixed: Int
    /// SPX smile at the nearest shape to a SKEW outside the calibration's reach.
    public var skewClamped: Int

    public init(
        futuresSettled: Int, futuresFallback: Int, vvixReal: Int, vvixFallback: Int, unavailable: Int, skewReal: Int = 0, skewFixed: Int = 0,
        skewClamped: Int = 0
    ) {
        (self.futuresSettled, self.futuresFallback, self.vvixReal, self.vvixFallback, self.unavailable) =
            (futuresSettled, futuresFallback, vvixReal, vvixFallback, unavailable)
        (self.skewReal, self.skewFixed, self.skewClamped) = (skewReal, skewFixed, skewClamped)
    }

    init(_ days: [MarketDay]) {
        (futuresSettled, futuresFallback, vvixReal, vvixFallback, unavailable) = (0, 0, 0, 0, 0)
        (skewReal, skewFixed, skewClamped) = (0, 0, 0)
        for day in days {
            switch day.model.skewSource {
            case .skew, .realChain: skewReal += 1
            case .clamped: skewClamped += 1
            case .fixed, .implausible, .failed: skewFixed += 1
            }
            guard case .success(let vix) = day.vixComplex else {
                unavailable += 1
                continue
            }
            if vix.futuresSource == .settlements { futuresSettled += 1 } else { futuresFallback += 1 }
            if vix.vvixSource == .vvix { vvixReal += 1 } else { vvixFallback += 1 }
        }
    }

    /// One line for the text report.
    public var description: String {
        "VIX inputs: futures through real settlements on \(futuresSettled) sessions, fallback curve on \(futuresFallback); "
            + "options calibrated to the real VVIX on \(vvixReal), to the fallback VVIX on \(vvixFallback)"
            + (unavailable > 0 ? "; no VIX model on \(unavailable)" : "")
            + "\nSPX inputs: smile skew calibrated to the real SKEW (or a real chain) on \(skewReal) sessions, "
            + "nearest shape to a SKEW beyond reach on \(skewClamped), fixed shape on \(skewFixed)"
    }
}
