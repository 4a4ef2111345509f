/// Order checks on a file's date column, remembering the line of the previous date so the
/// message can point at both rows.
///
/// Daily series (bars, observations, curves, sessions) must be strictly increasing: a repeated
/// or backwards date is almost always a bad merge or a wrong sort, and a point-in-time store
/// keyed by date would otherwise silently keep one of the two rows. Chains hold many rows per
/// quote date, so there the dates only must not decrease.
struct DateOrder {
    enum Rule { case increasing, nonDecreasing }

    let rule: Rule
    private(set) var previous: MarketDate?
    private var previousLine = 0

    init(_ rule: Rule) { self.rule = rule }

    /// Accepts `date` from the reader's current row or throws naming `column`.
    mutating func check(_ date: MarketDate, _ reader: borrowing CSVReader, column: Int) throws(InputError) {
        if let previous {
            if date == previous, rule == .increasing {
                throw reader.error(column, "duplicate date \(date) (also on line \(previousLine))")
            }
            if date < previous {
                let what = rule == .increasing ? "dates must increase" : "dates must not decrease"
                throw reader.error(column, "date \(date) is out of order: it follows \(previous) on line \(previousLine) (\(what))")
            }
        }
        previousLine = reader.line
        previous = date
    }
}
