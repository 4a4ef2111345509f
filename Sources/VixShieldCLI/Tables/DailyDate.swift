/// A calendar date read from a daily file: `YYYY-MM-DD` or US `M/D/YYYY`, validated (month
/// 1-12, day within the month, leap years), printed as `YYYY-MM-DD`. Ordered.
public struct DailyDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces()
        let parts: [Substring]
        let y: Int?, m: Int?, d: Int?
        if trimmed.contains("-") {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
            (y, m, d) = (Int(parts[0]), Int(parts[1]), Int(parts[2]))
        } else {
            parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4
            else { return nil }
            (m, d, y) = (Int(parts[0]), Int(parts[1]), Int(parts[2]))
        }
        guard let y, let m, let d else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (a: DailyDate, b: DailyDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}
