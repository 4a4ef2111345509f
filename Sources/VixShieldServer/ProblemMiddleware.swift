import Hummingbird
import Logging

/// Turns every error a route throws into `application/problem+json`: a `Problem` as it is;
/// Hummingbird's own HTTP errors (no route, a body over the limit, a method not allowed) as
/// the problem of their status; anything else as a plain 500 `internal` problem whose cause is
/// logged, never sent.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as HTTPResponseError {
            let kind: Problem.Kind =
                switch error.status.code {
                case 400: .badRequest
                case 401: .unauthorized
                case 403: .forbidden
                case 404: .notFound
                case 405: .methodNotAllowed
                case 409: .conflict
                case 413: .payloadTooLarge
                case 415: .unsupportedMediaType
                case 422: .unprocessable
                default: .internalError
                }
            let detail = kind == .internalError ? "the server could not answer" : "\(request.method) \(request.uri.path): \(kind.rawValue)"
            if kind == .internalError { context.logger.error("unexpected HTTP error", metadata: ["error": "\(error)"]) }
            return try Problem(kind, detail: detail).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return try Problem(.internalError, detail: "the server could not answer").response(from: request, context: context)
        }
    }
}
