import MarketData
import Testing

@Suite("CSVReader and DecimalParsing")
struct ImporterTestsCSV {
    private func rows(_ text: String) throws -> (header: [String], rows: [(line: Int, cells: [String])]) {
        var reader = try CSVReader(Array(text.utf8), file: "t.csv")
        var rows: [(Int, [String])] = []
        while try reader.next() {
            rows.append((reader.line, try (0..<reader.header.count).map { (c) throws(InputError) in try reader.text(c) }))
        }
        return (reader.header, rows)
    }

    @Test func crlfBomBlankLinesAndLineNumbers() throws {
        let (header, rows) = try rows("\u{FEFF}a,b\r\n\r\n1,2\r\n  \r\n3,4")
        #expect(header == ["a", "b"])
        #expect(rows.map(\.line) == [3, 5])
        #expect(rows.map(\.cells) == [["1", "2"], ["3", "4"]])
    }

    @Test func leadingBlankLinesBeforeHeader() throws {
        var reader = try CSVReader(Array("\n\nx\n1\n".utf8), file: "t.csv")
        #expect(reader.headerLine == 3)
        #expect(try reader.next())
        #expect(reader.line == 4)
        #expect(try !reader.next())
    }

    @Test func quotedCellsAndTrimming() throws {
        let (_, rows) = try rows("a,b,c\n \"x, \"\"y\"\"\" ,  2 ,\"\"\n")
        #expect(rows[0].cells == ["x, \"y\"", "2", ""])
    }

    @Test func bracketedHeadersWithLeadingSpaces() throws {
        let (header, rows) = try rows("[QUOTE_DATE], [STRIKE], [C_IV]\n 2023-01-03, 3800.0, \n")
        #expect(header == ["QUOTE_DATE", "STRIKE", "C_IV"])
        #expect(rows[0].cells == ["2023-01-03", "3800.0", ""])
    }

    @Test func malformedRows() {
        let cases: [(String, String)] = [
            ("a,b\n1,2\n3\n", "t.csv:3: expected 2 cells as in the header, found 1"),
            ("a,b\n1,2,\n", "t.csv:2: expected 2 cells as in the header, found 3"),
            ("a,b\n\"1,2\n", "t.csv:2: unterminated quoted cell (cell 1)"),
            ("a,b\n1,2\"3\n", "t.csv:2: quote inside unquoted cell 2 (quote the whole cell and double the quote)"),
            ("a,b\n\"1\"x,2\n", "t.csv:2: unexpected text after the closing quote of cell 1"),
            ("", "t.csv: empty file: no header row"),
            ("\r\n  \n", "t.csv: empty file: no header row"),
            ("a,[a]\n", "t.csv:1: field 'a': duplicate column in header"),
        ]
        for (text, expected) in cases {
            do {
                var reader = try CSVReader(Array(text.utf8), file: "t.csv")
                while try reader.next() {}
                Issue.record("accepted \(text.debugDescription)")
            } catch {
                #expect(error.description == expected)
            }
        }
    }

    @Test func strictNumbers() {
        for text in ["", "nan", "NaN", "inf", "-inf", "Infinity", "0x1p3", "1,5", "1 5", "-", ".", "e5", "1e", "1e+", "--1", "1.2.3", "١"] {
            #expect(DecimalParsing.parse(Array(text.utf8)[...]) == nil, "\(text)")
        }
        for text in ["0", "-0", "+1", "5.", ".5", "1e3", "1E-3", "0.07830000000000001", "877000000", "1e400"] {
            #expect(DecimalParsing.parse(Array(text.utf8)[...])?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    /// Fast path and fallback both agree bit for bit with `Double(String)`.
    @Test func roundTripsLikeDoubleOfString() {
        var rng = ImporterSplitMix64(seed: 0x5EED_0001)
        for _ in 0..<200_000 {
            var text = ["", "-", "+"][Int(rng.next() % 3)]
            for _ in 0..<Int(rng.next() % 21) { text += String(rng.next() % 10) }
            if rng.next() % 2 == 0 {
                text += "."
                for _ in 0..<Int(rng.next() % 21) { text += String(rng.next() % 10) }
            }
            if rng.next() % 4 == 0 { text += (rng.next() % 2 == 0 ? "e" : "E") + ["", "-", "+"][Int(rng.next() % 3)] + String(rng.next() % 330) }
            let parsed = DecimalParsing.parse(Array(text.utf8)[...])
            let reference = Double(text)
            if parsed?.bitPattern != reference?.bitPattern {
                Issue.record("\(text): \(String(describing: parsed)) vs \(String(describing: reference))")
                return
            }
        }
    }
}
