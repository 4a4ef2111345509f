import MarketData

/// When a monthly replica rolls: on its month's roll date (`date(year, month)`), or, when that
/// day is not among the run's sessions (a data gap), on the first session after it, which the
/// run records. Roll dates before the run's first session are not due: an index replica starts
/// flat and takes its first position at the first roll inside the run.
struct RollSchedule {
    let firstSession: MarketDate
    let date: (Int, Int) -> MarketDate?
    private(set) var lastRolled: MarketDate?

    init(firstSession: MarketDate, date: @escaping (Int, Int) -> MarketDate?) {
        self.firstSession = firstSession
        self.date = date
    }

    /// The roll date due on `day` (this month's if it has passed, else last month's), if it is
    /// inside the run and has not been rolled yet.
    func due(on day: MarketDate) -> MarketDate? {
        let (year, month, _) = day.components
        var candidate = date(year, month)
        if let c = candidate, c > day { candidate = date(month == 1 ? year - 1 : year, month == 1 ? 12 : month - 1) }
        guard let roll = candidate, roll <= day, roll >= firstSession, roll != lastRolled else { return nil }
        return roll
    }

    mutating func rolled(_ roll: MarketDate) { lastRolled = roll }

    /// The roll date's month's successor: (year, month) of the month after `roll`.
    static func nextMonth(after roll: MarketDate) -> (Int, Int) {
        let (year, month, _) = roll.components
        return month == 12 ? (year + 1, 1) : (year, month + 1)
    }
}
