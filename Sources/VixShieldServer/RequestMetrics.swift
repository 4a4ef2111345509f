import Hummingbird
import Prometheus

/// Request metrics in Prometheus form, served at `GET /metrics`: requests by method, route
/// (the matched route template, `unmatched` otherwise, so arbitrary paths cannot grow the
/// label set) and status, and request durations by method and route. The registry is the
/// server's own (not swift-metrics' global system), so each server and each test has its own.
public struct RequestMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)]

    public init() {}

    func record(method: String, route: String, status: Int, duration: Duration) {
        registry.makeCounter(
            name: "vixshield_http_requests_total", labels: [("method", method), ("route", route), ("status", String(status))],
            help: "HTTP requests answered"
        ).increment()
        registry.makeDurationHistogram(
            name: "vixshield_http_request_duration_seconds", labels: [("method", method), ("route", route)], buckets: Self.buckets,
            help: "Time to answer an HTTP request"
        ).record(duration)
    }

    /// The Prometheus text exposition format (version 0.0.4).
    public func exposition() -> String { registry.emitToString() }
}

/// Times every request and counts it by its answer (outermost, so problem responses count too).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next(request, context)
            metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code, duration: clock.now - start)
            return response
        } catch {
            let status = (error as? HTTPResponseError)?.status.code ?? 500
            metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: status, duration: clock.now - start)
            throw error
        }
    }
}
