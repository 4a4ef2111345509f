import Foundation
import MarketData
import PostgresStore
import TestScratch

/// The two store implementations the suite runs against. PostgreSQL needs a server: the URL
/// of a role that may create databases in `VIXSHIELD_TEST_DATABASE_URL` (`.ci/run` starts one
/// with `Tools/pg/start.sh`). Without it the PostgreSQL cases are skipped locally, but under
/// CI (`CI` set) they run and fail, so a CI machine without PostgreSQL cannot pass silently.
enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    static var adminURL: String? {
        ProcessInfo.processInfo.environment["VIXSHIELD_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var available: [Backend] {
        adminURL != nil || ProcessInfo.processInfo.environment["CI"] != nil ? allCases : [.sqlite]
    }

    /// A new store of this kind, seeded with the bundled history or empty, and how to remove it.
    func makeStore(seeded: Bool) throws -> (store: any VixShieldStore, url: String, cleanup: @Sendable () -> Void) {
        switch self {
        case .sqlite:
            let directory = TestScratch.directory("suite")
            let path = directory.appendingPathComponent("s.sqlite").path
            let store = try SQLiteMarketStore(path: path, seed: seeded)
            return (store, path, { try? FileManager.default.removeItem(at: directory) })
        case .postgres:
            guard let admin = Self.adminURL else { throw BackendError.noServer }
            let url = try PostgresScratchDatabases.create(adminURL: admin, seeded: seeded)
            let store = try PostgresMarketStore(url: url, seed: false)
            return (
                store, url,
                {
                    store.close()
                    try? PostgresScratchDatabases.drop(adminURL: admin, databaseURL: url)
                }
            )
        }
    }
}

enum BackendError: Error, CustomStringConvertible {
    case noServer
    var description: String { "CI is set but VIXSHIELD_TEST_DATABASE_URL is not: .ci/run must start PostgreSQL (Tools/pg/start.sh)" }
}

extension Backend {
    /// Swift Testing names parametrised cases by it.
    var description: String { rawValue }
}
