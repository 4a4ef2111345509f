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

    subscript(component: LedgerComponent, default value: @autoclosure () -> Value) -> Value {
        get { slots[component.ordinal] ?? value() }
        set { slots[component.ordinal] = newValue }
    }

    /// The values set so far, in case order.
    var values: [Value] { slots.compactMap { $0 } }
}

extension LedgerComponent {
    /// The case's position in `allCases`.
    var ordinal: Int {
        switch self {
        case .condor: 0
        case .layer1: 1
        case .layer2: 2
        case .layer3: 3
        case .cash: 4
        case .spx: 5
        case .vixCalls: 6
        }
    }
}
