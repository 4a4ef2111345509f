/// Time to expiration the Cboe way: in minutes, divided by the minutes in a 365-day year.
///
/// Source: Cboe VIX White Paper (2019), "Getting Started", and the Volatility Index
/// Methodology: T = (M_current day + M_settlement day + M_other days) / minutes in a year, where
/// M_current day is the minutes left until midnight of the current day, M_settlement day the
/// minutes from midnight to settlement on the expiration day (09:30 ET for A.M.-settled standard
/// SPX options, 16:00 ET for P.M.-settled SPX Weeklys) and M_other days the minutes in the whole
/// days in between (1,440 each). Calendar days are used, not business days.
public enum CboeTime {
    /// Minutes in a day, 1,440.
    public static let minutesPerDay: Double = 1_440
    /// N_365: minutes in a 365-day year, 525,600.
    public static let minutesPerYear: Double = 525_600
    /// N_30: minutes in the VIX's 30-day target, 43,200.
    public static let minutesIn30Days: Double = 43_200

    /// Minutes to settlement, M_current day + M_settlement day + 1,440 × (whole days in between).
    public static func minutesToSettlement(
        minutesRemainingToday: Double, minutesFromMidnightToSettlement: Double, wholeDaysBetween: Int
    ) -> Double {
        minutesRemainingToday + minutesFromMidnightToSettlement + Double(wholeDaysBetween) * minutesPerDay
    }

    /// T in years = minutes / 525,600. Throws for a non-finite or non-positive count.
    public static func years(minutes: Double) throws(CboeVIXError) -> Double {
        guard minutes.isFinite else { throw .nonFiniteParameter(name: "minutes") }
        guard minutes > 0 else { throw .nonPositiveTime(minutes) }
        return minutes / minutesPerYear
    }

    /// Minutes = T × 525,600 (the inverse of ``years(minutes:)``).
    public static func minutes(years: Double) -> Double { years * minutesPerYear }
}
