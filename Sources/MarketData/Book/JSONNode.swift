/// The tree `StableJSONWriter` builds and then writes: nodes, the places encoders write them
/// to, containers, and coding paths.

/// One encoded value. Numbers are kept as numbers and printed when written (a finite `Double`:
/// the encoder refuses the others); `literal` holds the text of the rarer scalar types.
enum JSONNode {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case literal(String)
    case string(String)
    case object(JSONObject)
    case array(JSONArray)
    /// An element already written at its final indentation (`StableJSONBulkElement`).
    case raw([UInt8])
}

/// The top-level value; empty until the value's encoder writes it.
final class JSONRoot {
    var node: JSONNode?
}

/// Where an encoder writes its value: the root, or a member or an element of a container
/// (nil until written). A member or an element is reserved before its value is encoded, so
/// that the order of writes is the order Foundation sees.
enum JSONSink {
    case root(JSONRoot)
    case member(JSONObject, Int)
    case element(JSONArray, Int)

    var node: JSONNode? {
        switch self {
        case .root(let root): root.node
        case .member(let object, let index): object.members[index].value
        case .element(let array, let index): array.elements[index]
        }
    }

    func set(_ node: JSONNode) {
        switch self {
        case .root(let root): root.node = node
        case .member(let object, let index): object.members[index].value = node
        case .element(let array, let index): array.elements[index] = node
        }
    }
}

final class JSONObject {
    var members: [(key: String, value: JSONNode?)] = []
    /// Keys given a nested container or a super encoder. Foundation merges a nested container
    /// into what the key already holds (and a super encoder writes when it is released), so a
    /// repeated key among these is left to Foundation.
    var nestedKeys: Set<String> = []

    /// Calls `body` with the members' indices in UTF-8 byte order of their keys, the last write
    /// of a repeated key kept (in a temporary buffer: no array per object of up to 32 members).
    /// Foundation's object
    /// is keyed by `String` equality, under which two different byte spellings of one canonical
    /// string (a precomposed é and e + U+0301) are one key; such an object is left to Foundation
    /// (`Unsupported`).
    func withSortedOrder(_ body: (UnsafeBufferPointer<Int>) throws -> Void) throws {
        // For ASCII keys String's own order and equality are the byte order and equality, and
        // cheaper than walking UTF-8 views.
        let ascii = members.allSatisfy { $0.key.utf8.allSatisfy { $0 < 0x80 } }
        if !ascii {
            let strings = Set(members.map(\.key))
            var spellings = Set<[UInt8]>()
            for m in members { spellings.insert(Array(m.key.utf8)) }
            if strings.count != spellings.count {
                throw StableJSONWriter.Unsupported(reason: "keys equal as strings but spelled differently")
            }
        }
        func less(_ a: String, _ b: String) -> Bool { ascii ? a < b : a.utf8.lexicographicallyPrecedes(b.utf8) }
        func same(_ a: String, _ b: String) -> Bool { ascii ? a == b : a.utf8.elementsEqual(b.utf8) }
        if !nestedKeys.isEmpty, members.count > 1 {
            var seen = Set<String>()
            for member in members where !seen.insert(member.key).inserted && nestedKeys.contains(member.key) {
                throw StableJSONWriter.Unsupported(reason: "a nested container for a repeated key")
            }
        }
        let count = members.count
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: Swift.max(count, 1)) { order in
            for i in 0..<count { order[i] = i }
            if count <= 32 {
                // Stable insertion sort: equal keys keep their write order.
                for i in 1..<Swift.max(count, 1) {
                    let index = order[i]
                    var j = i
                    while j > 0, less(members[index].key, members[order[j - 1]].key) {
                        order[j] = order[j - 1]
                        j -= 1
                    }
                    if j != i { order[j] = index }
                }
            } else {
                let sorted = (0..<count).sorted { a, b in
                    if same(members[a].key, members[b].key) { return a < b }
                    return less(members[a].key, members[b].key)
                }
                for i in 0..<count { order[i] = sorted[i] }
            }
            // A repeated key keeps its last write: compact the order in place.
            var kept = 0
            for n in 0..<count where n + 1 == count || !same(members[order[n + 1]].key, members[order[n]].key) {
                order[kept] = order[n]
                kept += 1
            }
            try body(UnsafeBufferPointer(rebasing: order[0..<kept]))
        }
    }

    /// Appends `key` with its value.
    func put(_ key: String, _ node: JSONNode) {
        members.append((key, node))
    }

    /// Reserves a member for a value still to be encoded.
    func reserve(_ key: String) -> JSONSink {
        members.append((key, nil))
        return .member(self, members.count - 1)
    }

    func reserveNested(_ key: String) -> JSONSink {
        nestedKeys.insert(key)
        return reserve(key)
    }
}

final class JSONArray {
    var elements: [JSONNode?] = []

    func reserve() -> JSONSink {
        elements.append(nil)
        return .element(self, elements.count - 1)
    }
}

/// A container's coding path, as a chain to the root: read only when someone asks for a
/// `codingPath`, so an encoder pays one small object per container instead of an array per value.
/// Immutable once made, so bulk arrays' elements share their array's path across threads.
final class JSONPath: @unchecked Sendable {
    let parent: JSONPath?
    let key: any CodingKey

    init(parent: JSONPath?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func depth(_ path: JSONPath?) -> Int {
        var depth = 0
        var node = path
        while let current = node {
            depth += 1
            node = current.parent
        }
        return depth
    }

    static func keys(_ path: JSONPath?, then last: (any CodingKey)? = nil) -> [any CodingKey] {
        var keys: [any CodingKey] = last.map { [$0] } ?? []
        var node = path
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}
