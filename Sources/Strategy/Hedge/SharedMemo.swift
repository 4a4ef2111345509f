import Foundation

/// A table of computed answers that several threads share (a sweep's runs on one session): the
/// first asker computes outside the lock and stores; two racing askers compute the same pure
/// function, and either copy will do. A failed computation is not kept.
public final class SharedMemo<Key: Hashable, Value>: @unchecked Sendable {
    // Inlinable so that a client module's memo is specialised to its key and value types.
    @usableFromInline let lock = NSLock()
    @usableFromInline var table: [Key: Value] = [:]

    public init() {}

    /// How many answers are kept (for tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return table.count
    }

    @inlinable public func value(_ key: Key, _ compute: () throws -> Value) rethrows -> Value {
        lock.lock()
        let known = table[key]
        lock.unlock()
        if let known { return known }
        let value = try compute()
        lock.lock()
        table[key] = value
        lock.unlock()
        return value
    }
}
