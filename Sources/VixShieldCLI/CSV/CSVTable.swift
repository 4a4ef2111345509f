/// A strict, small CSV reader for the CLI's tabular inputs: header row, comma separated,
/// optional double quotes around a cell (with "" as an escaped quote), LF or CRLF line endings,
/// blank lines ignored. Every row must have as many cells as the header.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number in the source file.
        public var line: Int
        public var cells: [String]
    }

    public var file: String
    public var header: [String]
    public var rows: [Row]

    public init(text: String, file: String) throws(InputError) {
        self.file = file
        var header: [String]?
        var rows: [Row] = []
        var lineNumber = 0
        // "\r\n" is a single Character in Swift, so it must be named as a separator explicitly.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let cells = try Self.split(line, file: file, line: lineNumber)
            if let header {
                guard cells.count == header.count else {
                    throw InputError(file: file, line: lineNumber, message: "expected \(header.count) cells as in the header, found \(cells.count)")
                }
                rows.append(Row(line: lineNumber, cells: cells))
            } else {
                header = cells.map { $0.trimmingSpaces() }
            }
        }
        guard let header else { throw InputError(file: file, message: "empty file: no header row") }
        self.header = header
        self.rows = rows
    }

    /// Index of a required column, or an error naming it and the columns found.
    public func column(_ name: String) throws(InputError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw InputError(file: file, line: 1, field: name, message: "missing column (found: \(header.joined(separator: ",")))")
        }
        return index
    }

    static func split(_ line: Substring, file: String, line number: Int) throws(InputError) -> [String] {
        var cells: [String] = []
        var current = ""
        var inQuotes = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if inQuotes {
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex && line[next] == "\"" {
                        current.append("\"")
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "," {
                cells.append(current)
                current = ""
            } else if character == "\"" && current.isEmpty {
                inQuotes = true
            } else {
                current.append(character)
            }
            index = line.index(after: index)
        }
        if inQuotes { throw InputError(file: file, line: number, message: "unterminated quoted cell") }
        cells.append(current)
        return cells
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
