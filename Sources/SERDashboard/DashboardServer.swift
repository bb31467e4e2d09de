import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
public import SERStore

/// `ser ui`'s HTTP server: Hummingbird over ``DashboardAPI``, plus the server-sent events of
/// a run's epochs. Serves GET/HEAD only; the store should be opened read-only.
public struct DashboardServer: Sendable {
    /// The request handling.
    public let api: DashboardAPI
    /// The address to bind (`127.0.0.1` by default).
    public let host: String
    /// The port to bind; 0 asks the system for a free one (``run(onReady:shouldStop:)`` reports it).
    public let port: Int
    /// How often the events endpoint looks for new epochs.
    public static let pollInterval: Duration = .milliseconds(250)

    /// A server over `store` on `host:port`; `token` (required for a non-loopback host) must
    /// accompany every request.
    ///
    /// - Throws: ``DashboardError`` `.unauthorized` when `host` is not a loopback address and
    ///   `token` is `nil` or empty.
    public init(store: Store, host: String = "127.0.0.1", port: Int = 8080, token: String? = nil) throws {
        let token = token.flatMap { $0.isEmpty ? nil : $0 }
        guard AccessGuard.isLoopback(host) || token != nil else {
            throw DashboardError(.unauthorized, "serving on \(host) (not a loopback address) needs an access token")
        }
        api = DashboardAPI(store: store, access: AccessGuard(token: token))
        self.host = host
        self.port = port
    }

    /// Serves until `shouldStop()` returns true (checked every 100 ms) or the task is
    /// cancelled, then shuts down gracefully: open event streams end, requests in flight finish.
    ///
    /// - Parameters:
    ///   - onReady: called once with the bound port when the server listens.
    ///   - shouldStop: polled; `true` stops the server (the CLI passes its Ctrl-C flag).
    public func run(onReady: @escaping @Sendable (Int) -> Void, shouldStop: @escaping @Sendable () -> Bool) async throws {
        let executor = ServerExecutor()
        defer { executor.shutdown() }
        try await withTaskExecutorPreference(executor) {
            try await serve(onReady: onReady, shouldStop: shouldStop)
        }
    }

    /// Starts ``run(onReady:shouldStop:)`` as a task that begins on the server's own threads,
    /// so starting does not wait for a free thread of the shared pool either (an embedding
    /// process, like the test suite, may keep that busy). The task ends when the server has
    /// stopped; `shouldStop` stops it.
    public func start(onReady: @escaping @Sendable (Int) -> Void, shouldStop: @escaping @Sendable () -> Bool) -> Task<Void, any Error> {
        let executor = ServerExecutor()
        return Task(executorPreference: executor) {
            defer { executor.shutdown() }
            try await serve(onReady: onReady, shouldStop: shouldStop)
        }
    }

    /// ``run(onReady:shouldStop:)`` on whatever executor the caller prefers.
    private func serve(onReady: @escaping @Sendable (Int) -> Void, shouldStop: @escaping @Sendable () -> Bool) async throws {
        let stopFlag = StopFlag()
        let api = self.api
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await Self.respond(request, api: api, stopFlag: stopFlag)
        }
        var logger = Logger(label: "ser-ui")
        logger.logLevel = .error
        let app = Application(
            responder: responder, configuration: .init(address: .hostname(host, port: port), serverName: "ser"),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let serverEnded = StopFlag()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { serverEnded.raise() }
                try await group.run()
            }
            tasks.addTask {
                while !shouldStop() && !Task.isCancelled && !serverEnded.isRaised { try? await Task.sleep(for: .milliseconds(100)) }
                guard !serverEnded.isRaised else { return }
                stopFlag.raise()
                await group.triggerGracefulShutdown()
            }
            try await tasks.waitForAll()
        }
    }

    /// One request: the events stream, or the API's complete reply.
    static func respond(_ request: Request, api: DashboardAPI, stopFlag: StopFlag) async -> Response {
        let token =
            request.headers[.xSERToken]
            ?? request.headers[.authorization].flatMap { value in
                value.lowercased().hasPrefix("bearer ") ? String(value.dropFirst("bearer ".count)) : nil
            }
        let parsed: DashboardRequest
        do {
            parsed = try DashboardRequest(
                method: request.method.rawValue, target: request.uri.string, range: request.headers[.range], headerToken: token)
        } catch let error as DashboardError {
            return response(.error(error), head: false)
        } catch {
            return response(.error(DashboardError(.badRequest, "\(error)")), head: false)
        }
        if let stream = EpochEvents.match(parsed, api: api) {
            switch stream {
            case .failure(let failure): return response(failure.reply, head: false)
            case .success(let events):
                var headers = HTTPFields()
                headers[.contentType] = "text/event-stream"
                headers[.cacheControl] = "no-cache"
                return Response(
                    status: .ok, headers: headers,
                    body: ResponseBody { writer in
                        try await events.stream(to: &writer, stopping: { stopFlag.isRaised })
                        try await writer.finish(nil)
                    })
            }
        }
        let reply = api.respond(to: parsed)
        return response(reply, head: parsed.method == "HEAD")
    }

    /// The Hummingbird response of `reply` (headers only for HEAD).
    static func response(_ reply: DashboardReply, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        headers[.xContentTypeOptions] = "nosniff"
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let status = HTTPResponse.Status(code: reply.status)
        if head {
            headers[.contentLength] = "\(reply.body.count)"
            return Response(status: status, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}

extension HTTPField.Name {
    // The two literals are valid field names; the initializer fails only on characters a
    // field name cannot hold.
    /// The access-token header.
    // swift-format-ignore: NeverForceUnwrap
    static let xSERToken = HTTPField.Name("X-SER-Token")!
    /// Tells browsers not to guess content types.
    // swift-format-ignore: NeverForceUnwrap
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}
