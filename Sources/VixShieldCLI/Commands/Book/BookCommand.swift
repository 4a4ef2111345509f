import ArgumentParser

struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "The trader's own book: import fills, show positions, marks, greeks and P&L by layer.",
        subcommands: [BookImportCommand.self, BookShowCommand.self]
    )
}
