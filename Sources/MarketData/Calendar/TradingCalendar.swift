/// An exchange trading calendar built from an explicit, sorted list of session dates, with the
/// SPX and VIX expiration rules that VixShield needs.
///
/// ## What the calendar knows
/// The calendar knows only the sessions it was given. It *covers* the closed range
/// `firstSession...lastSession`; inside that range a day is a session exactly when it is in the
/// list. Outside the range nothing is known (the list may simply have been cut there), so every
/// query whose answer depends on a day outside the covered range returns `nil` instead of
/// guessing from weekdays or holiday rules.
///
/// The project's list is NYSE (XNYS) sessions 1990–2026
/// (`Data/calendar/nyse_sessions_1990-2026.csv`, computed with `exchange-calendars` 4.13.2, see
/// `Data/README.md`). Expiry rules below are defined by Cboe on *Cboe Options* business days; NYSE
/// full-day closures are used as a proxy for them (an assumption, not checked day by day against a
/// Cboe holiday list; the NYSE list includes the unscheduled closures 2001-09-11…14, 2004-06-11,
/// 2007-01-02, 2012-10-29/30, 2018-12-05 and 2025-01-09). Early closes (half days) are sessions.
///
/// ## Expiry rules (each function documents its rule and source)
/// * SPX standard monthly: third Friday of the month, or the preceding session when that Friday is
///   not a session (Cboe SPX contract specifications; e.g. Good Friday 2014-04-18 → 2014-04-17).
/// * SPX weekly (Friday) expiries: every Friday, or the preceding session when the Friday is not a
///   session. Cboe also lists Monday and Wednesday (and later Tuesday/Thursday, i.e. daily) SPX
///   weeklies; those are **not** modelled here.
/// * VIX (futures and standard options, same day): the Wednesday 30 days before the SPX monthly
///   expiry of the following calendar month (CFE VX contract specifications / Cboe VIX options
///   specifications), with the holiday adjustments documented at ``vixExpiry(year:month:)``.
public struct TradingCalendar: Sendable {
    /// Why a calendar could not be built.
    public enum BuildError: Error, Equatable, Sendable, CustomStringConvertible {
        /// No sessions were given.
        case empty
        /// `sessions[index]` is not strictly after `sessions[index - 1]` (unsorted or duplicated).
        case notStrictlyIncreasing(index: Int, previous: MarketDate, next: MarketDate)
        /// A CSV data line (1-based line number) whose first field is not a `YYYY-MM-DD` date.
        case malformedLine(line: Int, text: String)

        public var description: String {
            switch self {
            case .empty:
                "trading calendar: no sessions"
            case let .notStrictlyIncreasing(index, previous, next):
                "trading calendar: sessions must be sorted and unique, but session \(index) (\(next)) "
                    + "does not come after \(previous)"
            case let .malformedLine(line, text):
                "trading calendar: line \(line) does not start with a YYYY-MM-DD date: \(text)"
            }
        }
    }

    /// The session dates, strictly increasing.
    public let sessions: [MarketDate]

    /// Builds a calendar from session dates, which must be strictly increasing (sorted, no
    /// duplicates). Throws ``BuildError`` otherwise; nothing is sorted or deduplicated silently,
    /// because an unsorted list usually means a wrong input file.
    public init(sessions: [MarketDate]) throws {
        guard !sessions.isEmpty else { throw BuildError.empty }
        for index in sessions.indices.dropFirst() where sessions[index] <= sessions[index - 1] {
            throw BuildError.notStrictlyIncreasing(index: index, previous: sessions[index - 1], next: sessions[index])
        }
        self.sessions = sessions
    }

    /// Builds a calendar from CSV text whose first column is the session date `YYYY-MM-DD`, such as
    /// `nyse_sessions_1990-2026.csv` (`session,open_utc,close_utc`). Other columns are ignored.
    /// A first line whose first field is not a date is taken as the header; blank lines are
    /// skipped; LF and CRLF line ends are accepted; any other line without a date throws ``BuildError/malformedLine(line:text:)``.
    public init(sessionsCSV text: String) throws {
        var dates: [MarketDate] = []
        var lineNumber = 0
        // `Character.isNewline` splits LF, CRLF (one grapheme in Swift) and CR line ends alike.
        for trimmed in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if trimmed.allSatisfy({ $0 == " " }) { continue }
            let field = trimmed.prefix { $0 != "," }
            guard let date = MarketDate(parsing: field) else {
                if lineNumber == 1 { continue }  // header
                throw BuildError.malformedLine(line: lineNumber, text: String(trimmed))
            }
            dates.append(date)
        }
        try self.init(sessions: dates)
    }

    // MARK: - Coverage

    /// The first session in the list.
    public var firstSession: MarketDate { sessions[sessions.startIndex] }
    /// The last session in the list.
    public var lastSession: MarketDate { sessions[sessions.endIndex - 1] }
    /// The days the calendar knows about: `firstSession...lastSession`.
    public var coveredRange: ClosedRange<MarketDate> { firstSession...lastSession }

    /// Whether `date` lies inside ``coveredRange``.
    public func covers(_ date: MarketDate) -> Bool { coveredRange.contains(date) }

    // MARK: - Sessions

    /// Whether `date` is a session; `nil` when `date` is outside ``coveredRange``.
    public func isSession(_ date: MarketDate) -> Bool? {
        guard covers(date) else { return nil }
        let index = lowerBound(date)
        return sessions[index] == date
    }

    /// The first session strictly after `date`; `nil` when `date` is outside ``coveredRange``
    /// or is the last session (the next one is not in the list).
    public func nextSession(after date: MarketDate) -> MarketDate? {
        guard covers(date) else { return nil }
        let index = upperBound(date)
        return index < sessions.endIndex ? sessions[index] : nil
    }

    /// The last session strictly before `date`; `nil` when `date` is outside ``coveredRange``
    /// or is the first session.
    public func previousSession(before date: MarketDate) -> MarketDate? {
        guard covers(date) else { return nil }
        let index = lowerBound(date)
        return index > sessions.startIndex ? sessions[index - 1] : nil
    }

    /// `date` itself when it is a session, else the previous session; `nil` outside the coverage.
    public func sessionOnOrBefore(_ date: MarketDate) -> MarketDate? {
        guard let isSession = isSession(date) else { return nil }
        return isSession ? date : previousSession(before: date)
    }

    /// `date` itself when it is a session, else the next session; `nil` outside the coverage.
    public func sessionOnOrAfter(_ date: MarketDate) -> MarketDate? {
        guard let isSession = isSession(date) else { return nil }
        return isSession ? date : nextSession(after: date)
    }

    /// The sessions in `start...end` (both included), in order; empty when `end < start`;
    /// `nil` when either bound is outside ``coveredRange``.
    public func sessions(from start: MarketDate, through end: MarketDate) -> [MarketDate]? {
        guard covers(start), covers(end) else { return nil }
        guard start <= end else { return [] }
        return Array(sessions[lowerBound(start)..<upperBound(end)])
    }

    /// Trading days from `start` to `end`: the number of sessions `s` with `start < s <= end`
    /// (so Friday → next Monday is 1, a day to itself is 0, and "sessions to expiry" counts the
    /// expiry day but not today). Negative, with the same magnitude, when `end < start`.
    /// `nil` when either date is outside ``coveredRange``.
    public func sessionCount(from start: MarketDate, to end: MarketDate) -> Int? {
        guard covers(start), covers(end) else { return nil }
        if end < start { return -(upperBound(start) - upperBound(end)) }
        return upperBound(end) - upperBound(start)
    }

    // MARK: - SPX

    /// The standard (AM-settled, third-Friday) SPX monthly expiry of `year`-`month`: the third
    /// Friday of the month, or, when that Friday is not a session (Good Friday 2014-04-18 and
    /// 2019-04-19, for example), the session immediately before it (normally the Thursday).
    /// Source: Cboe SPX options contract specifications (expiration: the third Friday of the
    /// month, or the preceding business day when that Friday is an exchange holiday).
    ///
    /// This is the day the settlement value (SET/SOQ) is fixed. Before February 2015 the OCC
    /// formally dated these options on the Saturday after; the Friday is the economically
    /// relevant day and is what is returned (the Saturday convention is not modelled). `nil` when the month is invalid or the day is
    /// outside ``coveredRange``.
    public func spxMonthlyExpiry(year: Int, month: Int) -> MarketDate? {
        guard let friday = Self.thirdFriday(year: year, month: month) else { return nil }
        return sessionOnOrBefore(friday)
    }

    /// SPX expiries in `start...end`, sorted and unique: the monthly expiries
    /// (``spxMonthlyExpiry(year:month:)``) and, with `includeWeeklies`, the Friday weeklies —
    /// every Friday, moved to the preceding session when the Friday is not a session (Cboe SPXW
    /// specifications). A monthly expiry falls on the same day as its week's weekly.
    ///
    /// Not modelled: Monday/Wednesday (and later Tuesday/Thursday) SPXW expiries, end-of-month
    /// and quarterly (SPXQ) expiries, and the history of when each kind was first listed (Friday
    /// weeklies began in 2005); the rule is applied to every covered week. `nil` when either bound
    /// is outside ``coveredRange``.
    public func spxExpiries(from start: MarketDate, through end: MarketDate, includeWeeklies: Bool) -> [MarketDate]? {
        guard covers(start), covers(end) else { return nil }
        guard start <= end else { return [] }
        var result: [MarketDate] = []
        if includeWeeklies {
            // Fridays from the one on or after `start` up to the first Friday after `end`: a holiday
            // Friday after `end` can still move its expiry back into the range.
            var friday = start.adding(days: (5 - start.weekday + 7) % 7)
            while friday.adding(days: -7) <= end {
                if let expiry = sessionOnOrBefore(friday), expiry >= start, expiry <= end,
                    result.last != expiry
                {
                    result.append(expiry)
                }
                friday = friday.adding(days: 7)
            }
        } else {
            for (year, month) in Self.months(from: start, through: end) {
                guard let friday = Self.thirdFriday(year: year, month: month),
                    let expiry = sessionOnOrBefore(friday), expiry >= start, expiry <= end
                else { continue }
                result.append(expiry)
            }
        }
        return result
    }

    // MARK: - VIX

    /// The monthly VIX futures (VX) and standard VIX options expiry (final settlement date) in
    /// `year`-`month`. Rule (CFE Rule book, VX contract specifications, "Final Settlement Date";
    /// Cboe VIX options specifications):
    ///
    /// 1. Take the third Friday of the *following* calendar month (the standard SPX expiry whose
    ///    options price the 30-day VIX on that morning).
    /// 2. If that Friday is not a session, use the session immediately preceding it instead
    ///    (e.g. Good Friday 2014-04-18 → 2014-04-17).
    /// 3. Go back exactly 30 calendar days. This is normally a Wednesday (a Tuesday after step 2).
    /// 4. If that day is not a session, the expiry is the session immediately preceding it
    ///    (e.g. Juneteenth, Wednesday 2024-06-19 → Tuesday 2024-06-18).
    ///
    /// Cboe's current specification words it as: if that Wednesday or the Friday 30 days after it
    /// is a Cboe Options holiday, the expiry is the business day immediately preceding that
    /// Wednesday. That gives the same days as steps 1–4 whenever the Thursday before a holiday
    /// Friday is a session, which holds throughout 1990–2026 in the NYSE list.
    ///
    /// Only the monthly (A.M.-settled SPX based) contracts are modelled; VIX weeklies are not (Cboe
    /// also handled unscheduled closures case by case: the weekly expiring on 2018-12-05, the Bush
    /// day of mourning, was settled on 2018-12-06).
    ///
    /// Since the following month's third Friday is its 15th–21st, the result always falls in
    /// `year`-`month`. `nil` when the month is invalid or any day needed is outside
    /// ``coveredRange`` (so December of the last covered year is `nil` when January is not covered).
    public func vixExpiry(year: Int, month: Int) -> MarketDate? {
        guard (1...12).contains(month) else { return nil }
        let (nextYear, nextMonth) = month == 12 ? (year + 1, 1) : (year, month + 1)
        guard let spxReference = spxMonthlyExpiry(year: nextYear, month: nextMonth) else { return nil }
        return sessionOnOrBefore(spxReference.adding(days: -30))
    }

    /// The monthly VIX expiries (``vixExpiry(year:month:)``) in `start...end`, sorted.
    /// VIX weekly futures/options (listed since 2015) are not modelled. `nil` when either bound is
    /// outside ``coveredRange``; months whose expiry cannot be determined (needs a day beyond
    /// the coverage) are left out.
    public func vixExpiries(from start: MarketDate, through end: MarketDate) -> [MarketDate]? {
        guard covers(start), covers(end) else { return nil }
        guard start <= end else { return [] }
        return Self.months(from: start, through: end).compactMap { year, month in
            guard let expiry = vixExpiry(year: year, month: month), expiry >= start, expiry <= end else { return nil }
            return expiry
        }
    }

    /// The first monthly VIX expiry on or after `date` (`date` itself when it is an expiry);
    /// `nil` when `date` is outside ``coveredRange`` or that expiry cannot be determined.
    public func nextVIXExpiry(onOrAfter date: MarketDate) -> MarketDate? {
        guard covers(date) else { return nil }
        let (year, month, _) = date.components
        guard let expiry = vixExpiry(year: year, month: month) else { return nil }
        if expiry >= date { return expiry }
        let (nextYear, nextMonth) = month == 12 ? (year + 1, 1) : (year, month + 1)
        return vixExpiry(year: nextYear, month: nextMonth)
    }

    // MARK: - Date helpers

    /// The third Friday of `year`-`month` (the 15th–21st); `nil` for an invalid month.
    public static func thirdFriday(year: Int, month: Int) -> MarketDate? {
        guard let first = MarketDate(year: year, month: month, day: 1) else { return nil }
        let firstFriday = first.adding(days: (5 - first.weekday + 7) % 7)
        return firstFriday.adding(days: 14)
    }

    // MARK: - Private

    /// Calendar months touching `start...end`, in order.
    private static func months(from start: MarketDate, through end: MarketDate) -> [(Int, Int)] {
        var (year, month, _) = start.components
        let (endYear, endMonth, _) = end.components
        var result: [(Int, Int)] = []
        while (year, month) <= (endYear, endMonth) {
            result.append((year, month))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return result
    }

    /// Index of the first session `>= date`.
    private func lowerBound(_ date: MarketDate) -> Int {
        var low = sessions.startIndex
        var high = sessions.endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if sessions[mid] < date { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Index of the first session `> date`.
    private func upperBound(_ date: MarketDate) -> Int {
        var low = sessions.startIndex
        var high = sessions.endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if sessions[mid] <= date { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
