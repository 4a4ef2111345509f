import Foundation
import MarketData
import PostgresNIO

/// Throwaway databases on a PostgreSQL server, for tests and benchmarks: each new one is a
/// copy of a template seeded once with the bundled history (`CREATE DATABASE … TEMPLATE`), so
/// a test starts from the same store `vixshield` seeds, in a fraction of a second instead of
/// a full seed. The role in `adminURL` needs CREATEDB.
public enum PostgresScratchDatabases {
    /// The template's name carries the schema version, so a new migration gets a new template.
    static var templateName: String { "vixshield_template_v\(PostgresMigrations.all.count)" }

    /// Creates a new database and returns its URL: seeded (from the template) or empty.
    public static func create(adminURL: String, seeded: Bool) throws -> String {
        let admin = try PostgresConnections(url: DatabaseURL(adminURL))
        defer { admin.closeAll() }
        let name = "vixshield_scratch_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        try admin.with { session in
            if seeded {
                // A session-level lock: CREATE DATABASE cannot run inside a transaction.
                try session.execute("SELECT pg_advisory_lock(\(PostgresMigrations.lockKey + 1))")
                defer { _ = try? session.execute("SELECT pg_advisory_unlock(\(PostgresMigrations.lockKey + 1))") }
                let exists = try !session.rows("SELECT 1 FROM pg_database WHERE datname = \(templateName)").isEmpty
                if !exists {
                    let building = templateName + "_building"
                    try session.execute(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(building)"))
                    try session.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(building)"))
                    let store = try PostgresMarketStore(url: try url(adminURL, database: building))
                    store.close()
                    try session.execute(PostgresQuery(unsafeSQL: "ALTER DATABASE \(building) RENAME TO \(templateName)"))
                }
                try session.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE \(templateName)"))
            } else {
                try session.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
            }
        }
        return try url(adminURL, database: name)
    }

    /// Drops a database made by `create` (its connections are ended first).
    public static func drop(adminURL: String, databaseURL: String) throws {
        let name = try DatabaseURL(databaseURL).database
        guard name.wholeMatch(of: /vixshield_scratch_[0-9a-f]{32}/) != nil else { throw StoreError.database("\(name) is not a scratch database") }
        let admin = try PostgresConnections(url: DatabaseURL(adminURL))
        defer { admin.closeAll() }
        try admin.with { session in
            try session.execute(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        }
    }

    static func url(_ adminURL: String, database: String) throws -> String {
        guard var components = URLComponents(string: adminURL) else { throw StoreError.database("not a URL: \(DatabaseURL.redact(adminURL))") }
        components.path = "/" + database
        guard let text = components.string else { throw StoreError.database("cannot build a database URL") }
        return text
    }
}
