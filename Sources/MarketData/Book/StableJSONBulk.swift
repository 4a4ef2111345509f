/// A value that a long array of it may encode on all cores: its `encode(to:)` reads only the
/// value itself (no shared mutable state), as a plain value type's synthesized encoding does.
/// ``StableJSON`` renders such arrays' elements in parallel, each to its final bytes at its
/// final indentation; the document's bytes are the same as a one-thread encoding (tested).
public protocol StableJSONBulkElement: Encodable, Sendable {
    /// Writes the element into `text` directly, the bytes its `encode(to:)` gives through the
    /// writer; false (the default) to take that path. A `StableJSONText.Declined` thrown part
    /// way (a mistake the text detects) also takes it. A direct write that completes must hold
    /// what `encode(to:)` writes, which the text cannot check: a type that writes itself is
    /// tested against its own encoding, every optional set.
    func writeStableJSON(into text: inout StableJSONText) throws(StableJSONText.Declined) -> Bool
}

extension StableJSONBulkElement {
    public func writeStableJSON(into text: inout StableJSONText) throws(StableJSONText.Declined) -> Bool { false }
}

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
        let elements = self
        let rendered = try ParallelMap.map(count, parallel: true) { index in
            if let direct = Self.direct(elements[index], indent: indent) { return direct }
            return try JSONNodeEncoder.render(elements[index], parent: path, index: index, indent: indent)
        }
        let array = JSONArray()
        array.elements = rendered.map { .raw($0) }
        encoder.sink.set(.array(array))
        return true
    }

    /// The element's own direct write, or nil when it has none or declined part way (its
    /// encoder then writes it, or reports the error the document would have).
    private static func direct(_ element: Element, indent: Int) -> [UInt8]? {
        var text = StableJSONText(indent: indent)
        do {
            guard try element.writeStableJSON(into: &text) else { return nil }
            return try text.finished()
        } catch {
            return nil
        }
    }
}
