/// A bad input file, located to the line and field, printed as one line:
/// `file:line: field 'sigma': must be >= 0 (got -0.2)`.
public struct InputError: Error, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line number in the file (the header is line 1); nil for file-level problems.
    public var line: Int?
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let field { return "\(location): field '\(field)': \(message)" }
        return "\(location): \(message)"
    }
}
