import Foundation

/// A value that a long array of it may encode on all cores: its `encode(to:)` reads only the
/// value itself (no shared mutable state), as a plain value type's synthesized encoding does.
/// ``StableJSON`` renders such arrays' elements in parallel, each to its final bytes at its
/// final indentation; the document's bytes are the same as a one-thread encoding (tested).
public protocol StableJSONBulkElement: Encodable, Sendable {}

/// An array the writer renders element by element on all cores.
protocol StableJSONBulkArray {
    func encodeBulk(into encoder: JSONNodeEncoder) throws -> Bool
}

extension Array: StableJSONBulkArray where Element: StableJSONBulkElement {
    /// Below this many elements one thread is quicker than handing chunks out.
    static var bulkThreshold: Int { 256 }

    /// Renders the elements into `encoder`'s sink as pre-written JSON text; false (nothing
    /// written) when the array is short or the sink already holds a value, for the ordinary path.
    func encodeBulk(into encoder: JSONNodeEncoder) throws -> Bool {
        guard count >= Self.bulkThreshold, encoder.sink.node == nil else { return false }
        // An element at coding-path depth d is written at indent 2·d: this array's elements
        // sit one level below the array.
        let path = encoder.containerPath
        let indent = 2 * (JSONPath.depth(path) + 1)
        let rendered = BulkSlots(count: count)
        let chunks = Swift.min(count, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        let elements = self
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in (chunk * elements.count / chunks)..<((chunk + 1) * elements.count / chunks) {
                rendered.set(index, Result { try JSONNodeEncoder.render(elements[index], parent: path, index: index, indent: indent) })
            }
        }
        let array = JSONArray()
        array.elements = try rendered.values().map { .raw($0) }
        encoder.sink.set(.array(array))
        return true
    }
}

/// Each element's bytes or error, filled from several threads (each index once).
private final class BulkSlots: @unchecked Sendable {
    private var results: [Result<[UInt8], any Error>?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<[UInt8], any Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    /// The bytes in order, or the first error by index (the same error whatever the threads did).
    func values() throws -> [[UInt8]] {
        try results.map { try $0!.get() }
    }
}
