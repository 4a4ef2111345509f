/// Typed reads of the current row's cells. Every failure is an `InputError` naming the file,
/// the row's line and the column, with the offending cell quoted (control bytes escaped, long
/// cells shortened) so the message stays on one line.
extension CSVReader {
    /// Index of the first column named one of `names`; the error names `names[0]`.
    public func column(_ names: String...) throws(InputError) -> Int {
        guard let index = optionalColumn(names) else {
            throw InputError(file: file, line: headerLine, field: names[0], message: "missing column (found: \(header.joined(separator: ",")))")
        }
        return index
    }

    /// Index of the first column named one of `names`, if any.
    public func optionalColumn(_ names: [String]) -> Int? {
        for name in names {
            if let index = header.firstIndex(of: name) { return index }
        }
        return nil
    }

    /// The raw bytes of a cell (quotes removed, spaces trimmed, `""` still doubled).
    public func cellBytes(_ column: Int) -> ArraySlice<UInt8> { bytes[starts[column]..<ends[column]] }

    public func isEmpty(_ column: Int) -> Bool { starts[column] == ends[column] }

    /// An error located at the current row and `column`.
    public func error(_ column: Int, _ message: String) -> InputError {
        InputError(file: file, line: line, field: header[column], message: message)
    }

    /// The cell as shown in messages: `'…'` with control and non-UTF-8 bytes escaped.
    public func quoted(_ column: Int) -> String {
        "'" + Self.display(cellBytes(column)) + "'"
    }

    /// A finite number; empty, non-numeric and out-of-range cells are errors.
    public func number(_ column: Int) throws(InputError) -> Double {
        let s = starts[column]
        let count = ends[column] - s
        guard count > 0 else { throw error(column, "empty cell, expected a number") }
        let value = bytes.withUnsafeBufferPointer { DecimalParsing.parse($0.baseAddress! + s, count: count) }
        guard let value else { throw error(column, "not a number: \(quoted(column))") }
        guard value.isFinite else { throw error(column, "number out of range: \(quoted(column))") }
        return value
    }

    /// A finite number, or nil for an empty cell.
    public func optionalNumber(_ column: Int) throws(InputError) -> Double? {
        if starts[column] == ends[column] { return nil }
        return try number(column)
    }

    /// A number that must be >= 0 (prices, bids, asks, volumes).
    public func nonNegative(_ column: Int) throws(InputError) -> Double {
        let value = try number(column)
        guard value >= 0 else { throw error(column, "must be >= 0 (got \(Self.display(cellBytes(column))))") }
        return value
    }

    /// A day written `YYYY-MM-DD` or `M/D/YYYY`.
    public func date(_ column: Int) throws(InputError) -> MarketDate {
        let cell = cellBytes(column)
        guard !cell.isEmpty else { throw error(column, "empty cell, expected a date") }
        // The length guard also keeps very long digit runs away from MarketDate.parse's
        // accumulator.
        guard cell.count <= 10, let date = MarketDate.parse(cell) else {
            throw error(column, "not a date (expected YYYY-MM-DD or M/D/YYYY): \(quoted(column))")
        }
        return date
    }

    /// The cell as UTF-8 text (`""` unescaped); invalid UTF-8 and control characters (tab
    /// excepted) are errors.
    public func text(_ column: Int) throws(InputError) -> String {
        guard let text = Self.text(cellBytes(column), escaped: escaped[column]) else {
            throw error(column, "not valid UTF-8: \(quoted(column))")
        }
        guard !Self.hasControlCharacter(cellBytes(column)) else {
            throw error(column, "contains a control character: \(quoted(column))")
        }
        return text
    }

    /// Non-empty UTF-8 text.
    public func name(_ column: Int) throws(InputError) -> String {
        guard !isEmpty(column) else { throw error(column, "empty cell, expected a name") }
        return try text(column)
    }

    /// Printable rendering of cell bytes for messages: ASCII as is, valid UTF-8 as is, other
    /// bytes and control characters as `\xNN`; at most 40 bytes shown.
    static func display(_ bytes: ArraySlice<UInt8>) -> String {
        let limit = 40
        let shown = bytes.prefix(limit)
        var out = ""
        if let text = String(validating: shown, as: UTF8.self) {
            for scalar in text.unicodeScalars {
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(UInt8(scalar.value))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        } else {
            for byte in shown {
                if byte >= 0x20 && byte < 0x7F {
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    out += "\\x" + hex(byte)
                }
            }
        }
        if bytes.count > limit { out += "…" }
        return out
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }
}
