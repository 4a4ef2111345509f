import Foundation

/// Bodies of answers computed from the store (the signal, the regime path, the book), kept
/// while the store's generation (`VixShieldStore.generation()`, bumped by every write
/// transaction of any process) is the one they were computed at: a hit answers in a store
/// read instead of a model calibration. At most `capacity` bodies, the oldest dropped first.
final class ResponseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [String: String] = [:]
    private var order: [String] = []
    let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    func body(_ key: String) -> String? { lock.withLock { bodies[key] } }

    func store(_ body: String, for key: String) {
        lock.withLock {
            guard bodies[key] == nil else { return }
            bodies[key] = body
            order.append(key)
            if order.count > capacity { bodies[order.removeFirst()] = nil }
        }
    }

    /// The cached body for `route` and its query at `generation`, or `compute()`'s, kept.
    func answer(_ route: String, query: String, generation: Int, _ compute: () throws -> String) rethrows -> String {
        let key = "\(route)?\(query)#\(generation)"
        if let hit = body(key) { return hit }
        let body = try compute()
        store(body, for: key)
        return body
    }
}
