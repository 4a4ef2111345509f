/// An execution-model parameter out of its domain, naming the parameter.
public struct ExecutionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The parameter, e.g. `fill.fraction` or `fees.spx_option.commission`.
    public var parameter: String
    public var reason: String

    public init(parameter: String, reason: String) {
        self.parameter = parameter
        self.reason = reason
    }

    public var description: String { "execution parameter '\(parameter)': \(reason)" }
}
