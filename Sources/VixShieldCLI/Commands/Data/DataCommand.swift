import ArgumentParser

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Import, list and show market history in the point-in-time store.",
        subcommands: [DataImportCommand.self, DataListCommand.self, DataShowCommand.self]
    )
}
