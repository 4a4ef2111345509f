import Foundation
import Hummingbird
import MarketData

/// An API error as RFC 9457 `application/problem+json`: a stable `type` URI a client can
/// switch on, a short `title`, the HTTP `status` and a `detail` for people. Never a stack
/// trace or SQL: a failure the server did not expect is a plain 500 `internal` problem (the
/// cause goes to the log).
public struct Problem: HTTPResponseError, Codable, Equatable {
    public var type: String
    public var title: String
    /// The HTTP status code (key `status` in the JSON).
    public var code: Int
    public var detail: String
    /// Field-level errors of a rejected request body (row, field, reason), if any.
    public var errors: [FieldError]?

    public struct FieldError: Codable, Equatable, Sendable {
        public var row: Int?
        public var field: String?
        public var reason: String
    }

    public init(_ kind: Kind, detail: String, errors: [FieldError]? = nil) {
        type = "https://vixshield.dev/problems/\(kind.rawValue)"
        title = kind.title
        code = kind.status
        self.detail = detail
        self.errors = errors
    }

    /// The stable problem types.
    public enum Kind: String, Sendable, CaseIterable {
        case badRequest = "bad-request"
        case unauthorized
        case forbidden
        case notFound = "not-found"
        case methodNotAllowed = "method-not-allowed"
        case conflict
        case payloadTooLarge = "payload-too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case unprocessable = "unprocessable"
        case internalError = "internal"

        var status: Int {
            switch self {
            case .badRequest: 400
            case .unauthorized: 401
            case .forbidden: 403
            case .notFound: 404
            case .methodNotAllowed: 405
            case .conflict: 409
            case .payloadTooLarge: 413
            case .unsupportedMediaType: 415
            case .unprocessable: 422
            case .internalError: 500
            }
        }

        var title: String {
            switch self {
            case .badRequest: "Bad request"
            case .unauthorized: "Missing or unknown bearer token"
            case .forbidden: "The token's scope does not allow this"
            case .notFound: "Not found"
            case .methodNotAllowed: "Method not allowed"
            case .conflict: "Conflict"
            case .payloadTooLarge: "Request body over 1 MiB"
            case .unsupportedMediaType: "Unsupported media type"
            case .unprocessable: "The request could not be carried out"
            case .internalError: "Internal error"
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, title, detail, errors
        case code = "status"
    }

    public var status: HTTPResponse.Status { HTTPResponse.Status(code: code) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if code == 401 { headers[.wwwAuthenticate] = "Bearer realm=\"vixshield\"" }
        let body = try StableJSON.encode(self)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

