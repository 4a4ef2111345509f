import ArgumentParser

/// The `vixshield` root command. Subcommands are thin shells: they read files, call the
/// library (QuantCore and the table runners here) and print; the logic is tested in-process.
public struct VixShieldCommand: ParsableCommand {
    public static let disclaimer =
        "VixShield output is for education and research only; it is not investment advice."

    public static let configuration = CommandConfiguration(
        commandName: "vixshield",
        abstract: "SPX iron condors with layered VIX hedges: pricing, indicators and signals.",
        discussion: disclaimer,
        subcommands: [PriceCommand.self, ImpliedVolCommand.self, IndicatorsCommand.self, DataCommand.self, ChainCommand.self, SignalCommand.self, RulesetCommand.self, BacktestCommand.self, BookCommand.self, RunCommand.self, JournalCommand.self]
    )

    public init() {}
}
