import ArgumentParser
import Foundation
import Strategy

/// `--ruleset FILE`: a TOML ruleset over the defaults (see `vixshield ruleset show`).
struct RulesetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("TOML ruleset overriding the defaults.", valueName: "file")) var ruleset: String?

    func load() throws -> Ruleset {
        guard let ruleset else { return .standard }
        guard let text = try? String(contentsOfFile: ruleset, encoding: .utf8) else {
            throw ValidationError("cannot read ruleset file \(ruleset)")
        }
        return try Ruleset.load(toml: text, file: ruleset)
    }
}
