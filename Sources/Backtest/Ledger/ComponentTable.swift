/// A value per ledger component, with the subscripts of a dictionary (absent until set), held
/// in one slot per case. The ledger reads and writes these on every posting and mark of every
/// run; a dictionary paid a hash (seed, combine, finalize) for each of those.
struct ComponentTable<Value: Sendable>: Sendable {
    private var slots: [Value?] = Array(repeating: nil, count: LedgerComponent.allCases.count)

    subscript(component: LedgerComponent) -> Value? {
        get { slots[component.ordinal] }
        _modify { yield &slots[component.ordinal] }
        set { slots[component.ordinal] = newValue }
    }

    /// Mutated in place (`_modify`), as a dictionary's is: a mark history appended through a
    /// get-and-set would be copied whole on every append.
    subscript(component: LedgerComponent, default value: @autoclosure () -> Value) -> Value {
        get { slots[component.ordinal] ?? value() }
        _modify {
            let index = component.ordinal
            if slots[index] == nil { slots[index] = value() }
            yield &slots[index]!
        }
        set { slots[component.ordinal] = newValue }
    }

    /// The values set so far, in case order.
    var values: [Value] { slots.compactMap { $0 } }
}
