import Backtest
import Foundation

/// The terminal form of a sweep: ranked variants, the deflated Sharpe, the walk-forward result.
enum SweepText {
    static func render(_ r: Sweep.Report) -> String {
        func pct(_ x: Double?) -> String { x.map { String(format: "%.2f%%", 100 * $0) } ?? "n/a" }
        func num(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "n/a" }
        var out = "Sweep of \(r.variants) ruleset variants, \(r.from) .. \(r.to), ranked by Sharpe\n"
        var rows = [["rank", "settings", "final equity", "CAGR", "Sharpe", "max DD"]]
        for row in r.rows.prefix(20) {
            rows.append([String(row.rank), row.settings, String(format: "%.0f", row.finalEquity), pct(row.cagr), num(row.sharpe), pct(row.maxDrawdown)])
        }
        out += TextTable.render(rows)
        func because(_ note: String?) -> String { note.map { " (\($0))" } ?? "" }
        out += "Deflated Sharpe Ratio of the best (probability its Sharpe is real after \(r.variants) trial\(r.variants == 1 ? "" : "s")): \(pct(r.deflatedSharpeProbability))\(because(r.deflatedSharpeNote))\n"
        out += "Walk-forward (choose on the fit window, trade the next): Sharpe \(num(r.walkForwardSharpe)), CAGR \(pct(r.walkForwardCAGR))\(because(r.walkForwardNote))\n"
        for choice in r.walkForwardChoices { out += "  \(choice)\n" }
        out += r.disclaimer + "\n"
        return out
    }
}

/// Progress with an ETA on standard error (terminals only); callable from worker threads.
final class SweepProgress: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()

    init(enabled: Bool) { self.enabled = enabled && isatty(STDERR_FILENO) == 1 }

    func update(_ done: Int, _ total: Int) {
        guard enabled, done > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        let eta = elapsed / Double(done) * Double(total - done)
        let width = 30
        let filled = width * done / max(total, 1)
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data(String(format: "\r\u{1B}[Ksweep [%@] %d/%d, ETA %.0f s", bar, done, total, eta).utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
