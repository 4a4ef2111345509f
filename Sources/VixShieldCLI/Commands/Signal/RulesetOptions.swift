import ArgumentParser
import Foundation
import Strategy

/// `--ruleset FILE`: a TOML ruleset over the defaults (see `vixshield ruleset show`).
struct RulesetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("TOML ruleset overriding the defaults.", valueName: "file")) var ruleset: String?

    func load() throws -> Ruleset {
        guard let ruleset else { return .standard }
        return try Ruleset.load(toml: InputFile.settings(ruleset, kind: "ruleset"), file: ruleset)
    }
}
