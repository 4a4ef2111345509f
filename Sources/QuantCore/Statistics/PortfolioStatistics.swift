/// Namespace for portfolio / performance statistics.
///
/// Conventions shared by every function in this namespace:
/// - Returns are simple (arithmetic) returns expressed as fractions: `0.01` means +1 %.
/// - Annual rates (risk-free rate, MAR, CAGR, XIRR) are decimal fractions per year.
/// - A "period" is one step of the equity curve; `periodsPerYear` defaults to
///   ``tradingDaysPerYear`` (252, US equity trading days), and annualisation uses
///   the square-root-of-time rule for dispersion and simple division for rates.
/// - Nothing returns `NaN`/`infinity`: invalid inputs throw ``StatisticsError``.
/// - Sums use Neumaier-compensated summation, so results agree with a careful
///   reference implementation (numpy) to roughly 1e-13 relative.
public enum PortfolioStatistics {
    /// Default number of periods per year: 252 US equity trading days.
    public static let tradingDaysPerYear: Double = 252
}
