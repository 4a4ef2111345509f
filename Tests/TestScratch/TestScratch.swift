import Foundation

/// Scratch space for tests: every test store, cache and file goes in a directory of its own
/// under one root per test process, and the root is removed when the process exits. A full
/// run creates several hundred stores (about 360 MB), which used to stay behind in the
/// system's temporary directory, run after run. A process that crashes leaves its root, named
/// `vixshield-tests-<pid>-…`, for inspection.
public enum TestScratch {
    /// A fresh path `<root>/<prefix>-<UUID>`, not yet created (stores create their own
    /// directories; callers that need it create it).
    public static func directory(_ prefix: String) -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    /// This process's root, created on first use and removed at exit.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vixshield-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot create the tests' scratch directory \(url.path): \(error)")
        }
        atexit {
            // Removal at exit is best effort: a leftover directory loses no result.
            try? FileManager.default.removeItem(at: TestScratch.root)
        }
        return url
    }()

    /// A fresh file path `<root>/<prefix>-<UUID>.<ext>`, not yet created.
    public static func file(_ prefix: String, extension ext: String) -> URL {
        directory(prefix).appendingPathExtension(ext)
    }
}
