import Foundation
import MarketData
import Testing

/// Locates the importer samples (Tests/MarketDataTests/Resources, copied into the test bundle)
/// and the repository's bundled real data (Data/, found from this file's path).
enum ImporterSamples {
    /// SwiftPM places the copied `Resources` folder differently across platforms; try both.
    static func url(_ name: String) -> URL {
        let base = Bundle.module.resourceURL ?? Bundle.module.bundleURL
        let nested = base.appendingPathComponent("Resources").appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: nested.path) { return nested }
        return base.appendingPathComponent(name)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(name)))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// Repository root: Tests/MarketDataTests/<this file> → three levels up.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func data(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Data").appendingPathComponent(relative)))
    }

    /// Lines of `text`, split at LF or CRLF ("\r\n" is one Character in Swift, so it must be
    /// named as a separator of its own).
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    }

    /// Text with line `line` (1-based) replaced by `replacement`; line ends become LF.
    static func replacing(line: Int, in text: String, with replacement: String) -> String {
        var lines = lines(text)
        lines[line - 1] = replacement
        return lines.joined(separator: "\n")
    }

    /// Text with cell `cell` (0-based) of line `line` (1-based) replaced, keeping the padding
    /// of OptionsDX cells (a leading space) when the original had it.
    static func replacing(cell: Int, line: Int, in text: String, with value: String) -> String {
        var cells = lines(text)[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[cell] = (cells[cell].hasPrefix(" ") ? " " : "") + value
        return replacing(line: line, in: text, with: cells.joined(separator: ","))
    }

    static func line(_ line: Int, of text: String) -> String {
        lines(text)[line - 1]
    }
}

/// Expects `importer` to refuse `text` with exactly `expected` as the error's description.
func expectImportError(
    _ importer: some MarketImporter, _ text: String, file: String = "bad.csv", _ expected: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        let records = try importer.parse(Array(text.utf8), file: file)
        Issue.record("expected \(expected), parsed \(records.count) records", sourceLocation: sourceLocation)
    } catch {
        #expect(error.description == expected, sourceLocation: sourceLocation)
    }
}

/// A small seeded generator (SplitMix64, Steele et al. 2014) so the fuzz cases are the same on
/// every run.
struct ImporterSplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
