import Foundation
import Logging
import ServiceLifecycle

/// The outbox's delivery loop inside `serve`: every second, deliver what is due. Stops on
/// graceful shutdown between two rounds, so no delivery is cut in half.
struct WebhookService: Service {
    let delivery: WebhookDelivery
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await delivery.deliverDue(now: Int(Date().timeIntervalSince1970))
            } catch {
                logger.error("webhook delivery round failed", metadata: ["error": "\(error)"])
            }
            try? await gracefulShutdownAwareSleep(seconds: 1)
        }
    }

    /// Sleeps, returning early on graceful shutdown.
    private func gracefulShutdownAwareSleep(seconds: Int) async throws {
        try await cancelWhenGracefulShutdown {
            try await Task.sleep(for: .seconds(seconds))
        }
    }
}
