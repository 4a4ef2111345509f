/// A plan's reason or note, as `signal` prints it. A layer states it where it decides; the text
/// is formatted only when read (`text`, or when a plan is encoded): a backtest or a sweep plans
/// thousands of lines a run and reads none of their reasons or notes, and formatting them
/// eagerly was about a tenth of a sweep's CPU.
///
/// A deferred text captures the values it formats (constants, never a variable that changes
/// after), so the text read later is the text an eager string would have held. It encodes as
/// that string, decodes from one, and two texts are equal when their strings are.
public struct DeferredText: Sendable, Equatable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    private enum Base: Sendable {
        case text(String)
        case deferred(@Sendable () -> String)
    }

    private var base: Base
    /// Clauses appended by the risk policy and de-risking (`; cut 3 by …`), in order.
    private var clauses: [String] = []

    public init(_ text: String) { base = .text(text) }
    public init(stringLiteral value: String) { base = .text(value) }
    /// A text formatted when read.
    public init(_ format: @escaping @Sendable () -> String) { base = .deferred(format) }

    public var text: String {
        let head: String
        switch base {
        case .text(let text): head = text
        case .deferred(let format): head = format()
        }
        return clauses.isEmpty ? head : head + clauses.joined()
    }

    public var description: String { text }

    /// Appends a clause (`"; blocked by risk.drawdown_brake"`).
    static func += (text: inout DeferredText, clause: String) { text.clauses.append(clause) }

    public static func == (a: DeferredText, b: DeferredText) -> Bool { a.text == b.text }

    public init(from decoder: any Decoder) throws { base = .text(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
