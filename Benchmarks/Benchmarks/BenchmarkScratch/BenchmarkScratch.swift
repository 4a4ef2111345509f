import Foundation

/// Scratch space for a benchmark process's stores and files, under one root per process
/// (`vixshield-bench-<pid>-…` in the temporary directory) that is removed when the process
/// exits. A target's shared stores are built when its benchmarks are registered, in every
/// process the benchmark tool starts (one to list them, one per benchmark run), and read by
/// the benchmark it runs, so no teardown hook (which the runner calls after each benchmark)
/// may remove them; the exit handler does. A process killed or crashed before it exits leaves
/// its root, for inspection.
public enum BenchmarkScratch {
    /// A fresh directory `<root>/<name>-<UUID>`, created.
    public static func directory(_ name: String) throws -> URL {
        let url = root.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// This process's root, created on first use and removed at exit.
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vixshield-bench-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot create the benchmarks' scratch directory \(url.path): \(error)")
        }
        atexit {
            // Best effort, and said when it fails: a leftover directory loses no result.
            do {
                try FileManager.default.removeItem(at: BenchmarkScratch.root)
            } catch {
                FileHandle.standardError.write(Data("benchmark scratch \(BenchmarkScratch.root.path) not removed: \(error)\n".utf8))
            }
        }
        return url
    }()
}
