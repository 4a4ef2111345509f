import ArgumentParser
import Foundation
import MarketData
import VixShieldServer

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "API tokens for `vixshield serve`: create, list, revoke.",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self]
    )
}

struct TokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a bearer token. It is printed once, alone on the last line; the store keeps only its SHA-256.",
        discussion: "Scopes: read (GET routes), trade (also fills, runs, backtests), admin (also webhooks). Tokens are managed here, on the store."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "read, trade or admin.") var scope: TokenScope
    @Option(help: "A name to recognise it by in `token list`.") var label = ""

    func run() throws {
        let authority = TokenAuthority(store: try store.open())
        let (token, record) = try authority.issue(scope: scope, label: label, createdAt: ISO8601DateFormatter().string(from: Date()))
        write("created token \(record.id) (scope \(record.scope.rawValue)\(label.isEmpty ? "" : ", \(label)")); it is shown once, below:\n\(token)\n")
    }
}

struct TokenListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (id, scope, label, created; never the token).")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print as JSON (stable keys).") var json = false

    func run() throws {
        let tokens = try store.open().tokens()
        if json {
            struct Row: Encodable { var id, scope, label, createdAt: String }
            write(try JSONOutput.encode(tokens.map { Row(id: $0.id, scope: $0.scope.rawValue, label: $0.label, createdAt: $0.createdAt) }))
            return
        }
        guard !tokens.isEmpty else { return write("no tokens (create one with `vixshield token create --scope read`)\n") }
        var rows = [["id", "scope", "label", "created"]]
        for t in tokens { rows.append([t.id, t.scope.rawValue, t.label, t.createdAt]) }
        write(TextTable.render(rows) + "\n")
    }
}

struct TokenRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by its id (from `token list`).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The token's id.") var id: String

    func run() throws {
        guard try store.open().revokeToken(id: id) else { throw ValidationError("no token with id \(id)") }
        write("revoked token \(id)\n")
    }
}

extension TokenScope: ExpressibleByArgument {}
