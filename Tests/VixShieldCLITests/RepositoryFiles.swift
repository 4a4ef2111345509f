import Foundation

/// Paths inside the repository, found from this source file (tests run from a checkout).
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}

func relativeError(_ got: Double, _ expected: Double) -> Double {
    if got == expected { return 0 }
    return abs(got - expected) / abs(expected)
}
