import ArgumentParser
import Strategy

struct RulesetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ruleset", abstract: "Show the strategy ruleset.", subcommands: [RulesetShowCommand.self])
}

struct RulesetShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the ruleset (the defaults, or --ruleset FILE applied over them) as TOML, with its hash.")

    @OptionGroup var rules: RulesetOptions
    @Flag(help: "Print as JSON.") var json = false

    func run() throws {
        let ruleset = try rules.load()
        if json {
            write(try JSONOutput.encode(ruleset))
        } else {
            write("# VixShield ruleset, sha256 \(ruleset.contentHash)\n# Every key is optional in a ruleset file; omitted keys keep these defaults.\n")
            write(try ruleset.toml())
            write("\n")
        }
    }
}
