/// Store failures that are not bad input files (those are `InputError`).
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case unknownSymbol(String)
    case conflictingKind(symbol: String, existing: String, new: String)
    case database(String)
    /// A negative publication lag would make values visible before they were published.
    case negativeLag(symbol: String, days: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the store at \(path): \(reason)"
        case .unknownSymbol(let symbol): "unknown symbol '\(symbol)' (see `vixshield data list`)"
        case .conflictingKind(let symbol, let existing, let new):
            "symbol '\(symbol)' already holds \(existing) data; cannot add \(new) data to it"
        case .database(let message): "database error: \(message)"
        case .negativeLag(let symbol, let days): "publication lag for '\(symbol)' must be >= 0 days (got \(days))"
        }
    }
}
