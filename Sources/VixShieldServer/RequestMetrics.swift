import Hummingbird
import Metrics
import Prometheus

/// Request metrics in Prometheus form, served at `GET /metrics`: requests by method, route
/// (the matched route template, `unmatched` otherwise, so arbitrary paths cannot grow the
/// label set) and status, and request durations by method and route. Recorded through the
/// swift-metrics API (`Counter`, `Timer`) into a Prometheus factory the server owns, not the
/// process-wide `MetricsSystem`, so each server and each test has its own registry.
public struct RequestMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory
    static let requests = "vixshield_http_requests_total"
    static let durations = "vixshield_http_request_duration_seconds"
    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)]

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [Self.durations: Self.buckets]
        self.factory = factory
    }

    func record(method: String, route: String, status: Int, duration: Duration) {
        Counter(label: Self.requests, dimensions: [("method", method), ("route", route), ("status", String(status))], factory: factory).increment()
        Timer(label: Self.durations, dimensions: [("method", method), ("route", route)], factory: factory).record(duration: duration)
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
