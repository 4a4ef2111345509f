import ArgumentParser
import Backtest

/// `--cache-dir DIR` / `--no-cache`: where calibrated timelines are cached between runs (see
/// `TimelineCache`), shared by `backtest` and `serve`.
struct TimelineCacheOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Directory of the calibrated-timeline cache (default: $XDG_CACHE_HOME/vixshield/timelines, or ~/.cache/vixshield/timelines).",
            valueName: "dir")) var cacheDir: String?
    @Flag(help: "Calibrate every session again: neither read nor write the timeline cache.") var noCache = false

    func validate() throws {
        if noCache && cacheDir != nil { throw ValidationError("--no-cache and --cache-dir exclude each other") }
    }

    /// The cache in force, nil with --no-cache.
    var cache: TimelineCache? { noCache ? nil : TimelineCache(directory: cacheDir ?? TimelineCache.defaultDirectory()) }
}
