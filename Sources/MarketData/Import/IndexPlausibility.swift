/// The range in which a value of a Cboe volatility index is plausible. A value outside it still
/// imports (real files hold such rows: VVIX 15.71 on 2006-03-15 is in Cboe's own VVIX history)
/// but is counted as a warning, and the models that calibrate to the index flag the day and do
/// not fit to it. Bounds, from the indices' published histories: VIX-family indices (VIX,
/// VIX9D, VIX3M, VIX6M, VXV) lived in 9-83 from 1990 to 2026, so 5-150 leaves room without
/// admitting a misplaced decimal; VVIX has lived in about 59-212 since 2007 (50-250 here); SKEW
/// in about 100-170 since 1990 (95-200 here). Other symbols have no range (nil): no warnings.
public enum IndexPlausibility {
    public static func range(of symbol: String) -> ClosedRange<Double>? {
        switch symbol.uppercased() {
        case "VIX", "VIX9D", "VIX3M", "VIX6M", "VIX1Y", "VXV", "VXMT": 5...150
        case "VVIX": 50...250
        case "SKEW": 95...200
        default: nil
        }
    }

    public static func isPlausible(_ value: Double, symbol: String) -> Bool {
        range(of: symbol)?.contains(value) ?? true
    }
}
