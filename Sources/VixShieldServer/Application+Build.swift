import Foundation
import Hummingbird
import Logging
import MarketData
import ServiceLifecycle

/// The API's routes, apart from the command so tests drive them in process
/// (`app.test(.router)`) and live (`.live`).
public func buildRouter(_ env: ServerEnvironment) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: env.metrics))
    router.add(middleware: ProblemMiddleware())
    router.get("/healthz") { _, _ -> Response in try jsonResponse(["status": "ok"]) }
    router.get("/metrics") { _, _ -> Response in
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: env.metrics.exposition())))
    }
    router.get("/openapi.json") { _, _ -> Response in
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: try OpenAPIDocument.text())))
    }
    DashboardRoutes.add(to: router, env, env.dashboard)
    MarketRoutes.add(to: router, env)
    BookRoutes.add(to: router, env)
    BacktestRoutes.add(to: router, env)
    WebhookRoutes.add(to: router, env)
    return router
}

/// The server: the router on `host:port` (loopback by default). Run it with `runService()`,
/// which stops on SIGTERM or SIGINT after the requests in flight have finished.
/// With `schedule`, the daily run happens inside the server on each session (`DailyRunService`).
public func buildApplication(
    _ env: ServerEnvironment, host: String = "127.0.0.1", port: Int = 8080, schedule: DailySchedule? = nil, logger: Logger? = nil
) -> some ApplicationProtocol {
    var log = logger ?? Logger(label: "vixshield")
    if logger == nil { log.logLevel = .info }
    var env = env
    env.loopback = ["127.0.0.1", "::1", "localhost"].contains(host)
    var services: [any Service] = [WebhookService(delivery: WebhookDelivery(store: env.store, logger: log), logger: log)]
    if let schedule { services.append(DailyRunService(env: env, schedule: schedule, logger: log)) }
    return Application(
        router: buildRouter(env), configuration: .init(address: .hostname(host, port: port), serverName: "vixshield"), services: services, logger: log)
}

/// Builds the application and runs it until SIGTERM or SIGINT (graceful: the requests in
/// flight finish first).
public func serve(_ env: ServerEnvironment, host: String, port: Int, schedule: DailySchedule? = nil) async throws {
    try await buildApplication(env, host: host, port: port, schedule: schedule).runService()
}

/// The OpenAPI 3.1 document (`Resources/openapi.json`), the API's contract.
public enum OpenAPIDocument {
    public static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw Problem(.internalError, detail: "the OpenAPI document is missing from the build")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
