import ArgumentParser
import Foundation

/// The `vixshield` root command. Subcommands are thin shells: they read files, call the
/// library (QuantCore and the table runners here) and print; the logic is tested in-process.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct VixShieldCommand: AsyncParsableCommand {
    public static let disclaimer =
        "VixShield output is for education and research only; it is not investment advice."

    public static let configuration = CommandConfiguration(
        commandName: "vixshield",
        abstract: "SPX iron condors with layered VIX hedges: pricing, indicators and signals.",
        discussion: disclaimer,
        subcommands: [PriceCommand.self, ImpliedVolCommand.self, IndicatorsCommand.self, DataCommand.self, ChainCommand.self, SignalCommand.self, RulesetCommand.self, BacktestCommand.self, BookCommand.self, RunCommand.self, JournalCommand.self, ServeCommand.self, TokenCommand.self]
    )

    public init() {}

    /// The executable's first statement, on the main thread before any other thread exists:
    /// glibc sizes a thread's heap when that thread first allocates, and `start`, which is
    /// asynchronous, already runs on a worker thread. Pads heap growth for every command but
    /// `serve` (`MallocPadding`).
    /// Returns whether the padding is set.
    @discardableResult
    public static func prepareProcess(arguments: [String] = CommandLine.arguments) -> Bool {
        guard arguments.dropFirst().first != ServeCommand.configuration.commandName else { return false }
        return MallocPadding.enable()
    }

    /// The executable's entry point: parses the arguments and runs the command, awaiting the
    /// asynchronous ones (`serve`). (Spelled out because top-level code can bind `main()` to
    /// the synchronous overload, which refuses an asynchronous root.)
    public static func start() async {
        ExitReclaims.enable()
        var command: any ParsableCommand
        do {
            command = try await asyncParseAsRoot(nil)
        } catch {
            exit(withError: error)
        }
        do {
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let refusal as ValidationError {
            // A refusal met while running (a date past the store's last, a settings file that
            // cannot be read): argument-parser, not knowing which command ran, would print the
            // root's usage; the command's own is the one that helps.
            let type = type(of: command)
            let path = (commandPath(to: type) ?? [type._commandName]).joined(separator: " ")
            let usage = usageString(for: type)
            FileHandle.standardError.write(
                Data("Error: \(refusal.message)\nUsage: \(usage)\n  See '\(path) --help' for more information.\n".utf8))
            exit(withError: ExitCode.validationFailure)
        } catch {
            exit(withError: error)
        }
    }

    /// The names from the root to `type` ("vixshield data import"), or nil if it is not in
    /// the tree.
    static func commandPath(to type: any ParsableCommand.Type, from node: any ParsableCommand.Type = VixShieldCommand.self) -> [String]? {
        if ObjectIdentifier(node) == ObjectIdentifier(type) { return [node._commandName] }
        for child in node.configuration.subcommands {
            if let below = commandPath(to: type, from: child) { return [node._commandName] + below }
        }
        return nil
    }
}
