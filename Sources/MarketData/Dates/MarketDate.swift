/// A calendar day (no time, no zone), stored as days since 1970-01-01 so that comparisons,
/// differences and database keys are plain integers. Parses `YYYY-MM-DD` and US `M/D/YYYY`
/// (as Yahoo and FRED exports use), validating month and day (leap years included); prints
/// `YYYY-MM-DD`. Civil-from-days conversion after H. Hinnant, "chrono-compatible low-level date
/// algorithms" (proleptic Gregorian calendar).
public struct MarketDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...MarketDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        dayNumber = era * 146_097 + dayOfEra - 719_468
    }

    /// `YYYY-MM-DD` or `M/D/YYYY` (one or two digit month and day), surrounding spaces allowed.
    public init?(parsing text: some StringProtocol) {
        var bytes = Array(text.utf8)
        while bytes.first == 0x20 { bytes.removeFirst() }
        while bytes.last == 0x20 { bytes.removeLast() }
        guard let parsed = MarketDate.parse(bytes[...]) else { return nil }
        self = parsed
    }

    /// Parses a byte slice without allocating (used by the importers' hot loop).
    public static func parse(_ bytes: ArraySlice<UInt8>) -> MarketDate? {
        var parts = (0, 0, 0)
        var digits = (0, 0, 0)
        var index = 0
        var separator: UInt8 = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                let value = Int(byte - 0x30)
                // At most 4 digits per part: longer runs are not dates (and must not overflow).
                switch index {
                case 0: parts.0 = parts.0 * 10 + value; digits.0 += 1; if digits.0 > 4 { return nil }
                case 1: parts.1 = parts.1 * 10 + value; digits.1 += 1; if digits.1 > 4 { return nil }
                default: parts.2 = parts.2 * 10 + value; digits.2 += 1; if digits.2 > 4 { return nil }
                }
            } else if (byte == 0x2D || byte == 0x2F) && index < 2 && (separator == 0 || separator == byte) {
                separator = byte
                index += 1
            } else {
                return nil
            }
        }
        guard index == 2 else { return nil }
        if separator == 0x2D {  // YYYY-MM-DD
            guard digits.0 == 4, digits.1 == 2, digits.2 == 2 else { return nil }
            return MarketDate(year: parts.0, month: parts.1, day: parts.2)
        }
        guard (1...2).contains(digits.0), (1...2).contains(digits.1), digits.2 == 4 else { return nil }
        return MarketDate(year: parts.2, month: parts.0, day: parts.1)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int {
        let w = (dayNumber + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> MarketDate { MarketDate(dayNumber: dayNumber + days) }

    public static func - (a: MarketDate, b: MarketDate) -> Int { a.dayNumber - b.dayNumber }

    public static func < (a: MarketDate, b: MarketDate) -> Bool { a.dayNumber < b.dayNumber }

    public var description: String {
        let (y, m, d) = components
        let yy = String(y)
        return String(repeating: "0", count: max(0, 4 - yy.count)) + yy + (m < 10 ? "-0" : "-") + String(m)
            + (d < 10 ? "-0" : "-") + String(d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = MarketDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
