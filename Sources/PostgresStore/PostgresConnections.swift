import Dispatch
import Logging
import MarketData
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// A small pool of PostgreSQL connections with a blocking interface, because the store
/// protocols are synchronous (as GRDB's SQLite store is). The connections live on a private
/// event loop, never on the caller's thread, so waiting on their futures cannot deadlock a
/// server's event loop or Swift's cooperative pool.
final class PostgresConnections: Sendable {
    /// One loop for every store in the process: connection I/O is tiny next to the queries.
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let url: DatabaseURL
    let configuration: PostgresConnection.Configuration
    let logger: Logger
    private let idle = NIOLockedValueBox<[PostgresConnection]>([])
    private let nextID = NIOLockedValueBox(0)
    /// Set by `closeAll`: connections coming back from a call are closed, not kept.
    private let closed = NIOLockedValueBox(false)
    /// Connections kept open between calls.
    private let keep = 8
    /// Connections open at once, at most: a caller beyond it waits up to `waitLimit` seconds.
    static let limit = 16
    static let waitLimit = 30
    private let slots = DispatchSemaphore(value: PostgresConnections.limit)

    init(url: DatabaseURL) throws {
        self.url = url
        configuration = try url.configuration()
        var logger = Logger(label: "vixshield.postgres")
        logger.logLevel = .warning
        self.logger = logger
    }

    deinit {
        for connection in idle.withLockedValue({ $0 }) { Self.close(connection) }
    }

    /// Closes the idle connections and waits until they are closed (a busy one closes when
    /// its call returns it: the pool then keeps none).
    func closeAll() {
        closed.withLockedValue { $0 = true }
        for connection in idle.withLockedValue({ connections in
            defer { connections = [] }
            return connections
        }) {
            // A connection that fails to close cleanly is closed all the same (its socket is gone).
            _ = try? connection.close().wait()
        }
    }

    /// Runs `body` on a pooled connection. A connection whose call failed is closed, not
    /// returned: its state (an aborted transaction, a broken socket) is unknown.
    func with<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        guard slots.wait(timeout: .now() + .seconds(Self.waitLimit)) == .success else {
            throw StoreError.database("all \(Self.limit) connections to \(url) stayed busy for \(Self.waitLimit) s")
        }
        defer { slots.signal() }
        let connection = try checkOut()
        do {
            let result = try body(PostgresSession(connection: connection, logger: logger))
            checkIn(connection)
            return result
        } catch {
            Self.close(connection)
            // A row that does not decode is a damaged or foreign schema: a store error, named.
            if error is PostgresDecodingError || error is PSQLError { throw StoreError.database(Self.describe(error)) }
            throw error
        }
    }

    private func checkOut() throws -> PostgresConnection {
        while let connection = idle.withLockedValue({ $0.popLast() }) {
            if !connection.isClosed { return connection }
        }
        let id = nextID.withLockedValue { value in
            value += 1
            return value
        }
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection.connect(on: Self.group.next(), configuration: configuration, id: id, logger: logger).wait()
        } catch {
            throw StoreError.cannotOpen(path: url.description, reason: Self.describe(error))
        }
        // A writer waits for another's transaction at most 30 s (SQLite's busy timeout), then
        // fails with the server's message instead of hanging the caller.
        do {
            _ = try connection.query("SET lock_timeout = '30s'", logger: logger).wait()
        } catch {
            Self.close(connection)
            throw StoreError.cannotOpen(path: url.description, reason: Self.describe(error))
        }
        return connection
    }

    private func checkIn(_ connection: PostgresConnection) {
        let isClosed = closed.withLockedValue { $0 }
        let surplus = idle.withLockedValue { connections -> PostgresConnection? in
            guard !isClosed, connections.count < keep else { return connection }
            connections.append(connection)
            return nil
        }
        if let surplus { Self.close(surplus) }
    }

    /// Closes without waiting. The closure holds the connection until the socket is closed:
    /// PostgresNIO requires a connection to be closed before it is released.
    static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// The server's message for a failed statement (never the SQL text or the bound values).
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let code = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + code
            }
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
        if let error = error as? PostgresDecodingError {
            // Named by column and types, never by the cell's bytes (a webhook secret, say).
            return "column '\(error.columnName)' of type \(error.postgresType) does not decode as \(error.targetType)"
        }
        return String(describing: error)
    }
}

/// One connection, checked out for the length of a call.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        do { return try connection.query(query, logger: logger).wait().rows } catch {
            throw StoreError.database(PostgresConnections.describe(error))
        }
    }

    /// Runs a statement; returns the number of rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> Int {
        do { return try connection.query(query, logger: logger).wait().metadata.rows ?? 0 } catch {
            throw StoreError.database(PostgresConnections.describe(error))
        }
    }

    /// `body` in one transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(begin: PostgresQuery = "BEGIN", _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // A failed rollback leaves the connection unusable; the pool closes it (the caller
            // sees the first error, which is the one that matters).
            _ = try? execute("ROLLBACK")
            throw error
        }
    }
}
