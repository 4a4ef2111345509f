/// A strict, fast, byte-level CSV reader for the market-data importers.
///
/// Why its own reader: chain files run to millions of rows, so the reader never builds a
/// `String` per cell. It walks the `[UInt8]` input once, row by row, and records each cell of
/// the current row as a byte range; the importers convert only the cells they need
/// (`DecimalParsing`, `MarketDate.parse`) straight from those bytes.
///
/// Accepted layout (and nothing looser, so that a malformed file fails at its line):
/// - the first non-blank line is the header; header cells are trimmed and a bracketed name
///   (`[QUOTE_DATE]`, as OptionsDX writes them) is reduced to `QUOTE_DATE`; names must be unique;
/// - LF or CRLF line ends, an optional UTF-8 byte-order mark, blank lines skipped;
/// - cells separated by commas, spaces and tabs around a cell trimmed (OptionsDX pads cells
///   with a leading space);
/// - a cell may be double-quoted, with `""` for a literal quote; the quoted cell must close on
///   the same line (market files never need embedded line breaks, and refusing them keeps every
///   reported line number exact);
/// - every row must have exactly as many cells as the header.
/// Line numbers are 1-based physical lines, counting the header and blank lines.
public struct CSVReader: Sendable {
    public let file: String
    /// Normalised column names.
    public private(set) var header: [String]
    /// Line of the header (1 unless the file starts with blank lines).
    public private(set) var headerLine: Int
    /// Line of the current row (after a successful `next()`).
    public private(set) var line: Int

    @usableFromInline let bytes: [UInt8]
    @usableFromInline var position: Int
    @usableFromInline var positionLine: Int
    /// Byte offset where the current row starts.
    @usableFromInline var rowStart = 0
    /// Byte ranges of the current row's cells (quotes excluded, spaces trimmed).
    @usableFromInline var starts: [Int]
    @usableFromInline var ends: [Int]
    /// Whether a quoted cell contains `""` escapes (its bytes then need unescaping as text).
    @usableFromInline var escaped: [Bool]

    /// Reads the header; throws if there is none or it is malformed.
    public init(_ bytes: [UInt8], file: String) throws(InputError) {
        self.file = file
        self.bytes = bytes
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        position = start
        positionLine = 1
        line = 0
        headerLine = 0
        header = []
        // Read the header with a provisional capacity, then size the row buffers to it.
        starts = Array(repeating: 0, count: 64)
        ends = Array(repeating: 0, count: 64)
        escaped = Array(repeating: false, count: 64)
        var names: [String] = []
        var found = false
        while position < bytes.count {
            let count = try readLine(capacity: Int.max)
            if count == 0 { continue }
            if count > starts.count {
                // Wider than the provisional buffers: size them to this line and read it again.
                starts = Array(repeating: 0, count: count)
                ends = Array(repeating: 0, count: count)
                escaped = Array(repeating: false, count: count)
                position = rowStart
                positionLine = line
                continue
            }
            found = true
            for column in 0..<count {
                var s = starts[column]
                var e = ends[column]
                if e - s >= 2, bytes[s] == 0x5B, bytes[e - 1] == 0x5D {  // [NAME]
                    s += 1
                    e -= 1
                    while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
                    while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
                }
                guard let name = Self.text(bytes[s..<e], escaped: escaped[column]) else {
                    throw InputError(file: file, line: line, message: "header cell \(column + 1) is not valid UTF-8")
                }
                guard !Self.hasControlCharacter(bytes[s..<e]) else {
                    throw InputError(file: file, line: line, message: "header cell \(column + 1) contains a control character")
                }
                if names.contains(name) {
                    throw InputError(file: file, line: line, field: name, message: "duplicate column in header")
                }
                names.append(name)
            }
            break
        }
        guard found else { throw InputError(file: file, message: "empty file: no header row") }
        header = names
        headerLine = line
        starts = Array(repeating: 0, count: names.count)
        ends = Array(repeating: 0, count: names.count)
        escaped = Array(repeating: false, count: names.count)
    }

    /// Advances to the next non-blank row; false at the end of the input.
    @inlinable
    public mutating func next() throws(InputError) -> Bool {
        while position < bytes.count {
            let count = try readLine(capacity: header.count)
            if count == 0 { continue }
            guard count == header.count else {
                throw InputError(file: file, line: line, message: "expected \(header.count) cells as in the header, found \(count)")
            }
            return true
        }
        return false
    }

    /// Splits the line at `position` into the cell buffers (up to `capacity` cells stored) and
    /// returns its cell count, 0 for a blank line. Sets `line` and moves to the next line.
    @usableFromInline
    mutating func readLine(capacity: Int) throws(InputError) -> Int {
        line = positionLine
        positionLine += 1
        rowStart = position
        let file = self.file
        let line = self.line
        // Move the cell buffers out of `self` so they stay uniquely referenced while the loop
        // writes them through raw pointers, then put them back.
        var starts = self.starts
        var ends = self.ends
        var escaped = self.escaped
        self.starts = []
        self.ends = []
        self.escaped = []
        defer {
            self.starts = starts
            self.ends = ends
            self.escaped = escaped
        }
        let stored = min(capacity, starts.count)
        var next = position
        let result = try bytes.withUnsafeBufferPointer { (input) throws(InputError) -> Int in
            try starts.withUnsafeMutableBufferPointer { (startsOut) throws(InputError) -> Int in
                try ends.withUnsafeMutableBufferPointer { (endsOut) throws(InputError) -> Int in
                    try escaped.withUnsafeMutableBufferPointer { (escapedOut) throws(InputError) -> Int in
                        try Self.split(
                            input, from: &next, stored: stored, starts: startsOut, ends: endsOut, escaped: escapedOut,
                            file: file, line: line)
                    }
                }
            }
        }
        position = next
        return result
    }

    /// Splits the line starting at `position` (advanced past its line feed) into cells; returns
    /// the cell count (0 for a blank line), storing the first `stored` cells' ranges.
    @usableFromInline
    static func split(
        _ input: UnsafeBufferPointer<UInt8>, from position: inout Int, stored: Int,
        starts: UnsafeMutableBufferPointer<Int>, ends: UnsafeMutableBufferPointer<Int>,
        escaped: UnsafeMutableBufferPointer<Bool>, file: String, line: Int
    ) throws(InputError) -> Int {
        let total = input.count
        guard let p = input.baseAddress, position < total else { return 0 }
        let begin = position
        var lineEnd = begin
        while lineEnd < total, p[lineEnd] != 0x0A { lineEnd += 1 }
        position = lineEnd < total ? lineEnd + 1 : total
        var end = lineEnd
        if end > begin, p[end - 1] == 0x0D { end -= 1 }

        var i = begin
        var count = 0
        var sawQuote = false
        var firstEmpty = false
        while true {
            while i < end, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
            let s: Int
            var e: Int
            var hasEscape = false
            if i < end, p[i] == 0x22 {  // quoted cell
                sawQuote = true
                i += 1
                s = i
                while true {
                    guard i < end else {
                        throw InputError(file: file, line: line, message: "unterminated quoted cell (cell \(count + 1))")
                    }
                    if p[i] == 0x22 {
                        if i + 1 < end, p[i + 1] == 0x22 {
                            hasEscape = true
                            i += 2
                            continue
                        }
                        break
                    }
                    i += 1
                }
                e = i
                i += 1
                while i < end, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
                if i < end, p[i] != 0x2C {
                    throw InputError(file: file, line: line, message: "unexpected text after the closing quote of cell \(count + 1)")
                }
            } else {
                s = i
                while i < end {
                    let byte = p[i]
                    if byte == 0x2C { break }
                    if byte == 0x22 {
                        throw InputError(file: file, line: line, message: "quote inside unquoted cell \(count + 1) (quote the whole cell and double the quote)")
                    }
                    i += 1
                }
                e = i
                while e > s, p[e - 1] == 0x20 || p[e - 1] == 0x09 { e -= 1 }
            }
            if count == 0 { firstEmpty = s == e }
            if count < stored {
                starts[count] = s
                ends[count] = e
                escaped[count] = hasEscape
            }
            count += 1
            if i < end {
                i += 1  // comma
            } else {
                break
            }
        }
        if count == 1, !sawQuote, firstEmpty { return 0 }  // blank line
        return count
    }

    /// About how many rows follow the current one, from its length (to reserve capacity).
    public var estimatedRemainingRows: Int {
        (bytes.count - position) / max(1, position - rowStart) + 1
    }

    /// Whether `bytes` hold a control character (other than tab): such text would break the
    /// one-line error messages and is never meant in a name.
    static func hasControlCharacter(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }
    }

    /// UTF-8 text of a cell's bytes with `""` unescaped; nil if not valid UTF-8.
    @usableFromInline
    static func text(_ bytes: ArraySlice<UInt8>, escaped: Bool) -> String? {
        guard escaped else { return String(validating: bytes, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            unescaped.append(bytes[index])
            index += bytes[index] == 0x22 ? 2 : 1
        }
        return String(validating: unescaped, as: UTF8.self)
    }
}
