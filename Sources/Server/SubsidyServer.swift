public import Hummingbird
import HTTPTypes
import Logging
import NIOCore

/// `subsidy serve`: the HTTP server around ``SubsidyAPI`` (Hummingbird 2 on SwiftNIO). No state
/// beyond the process; binds where it is told (the command's default is 127.0.0.1).
public struct SubsidyServer: Sendable {
    public let api: SubsidyAPI
    public var host: String
    public var port: Int
    /// A connection with nothing read or written for this long is closed (slow clients).
    public var idleTimeout: TimeAmount = .seconds(30)

    public init(api: SubsidyAPI, host: String, port: Int) {
        self.api = api
        self.host = host
        self.port = port
    }

    /// Serves until SIGINT or SIGTERM, then closes gracefully.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try await application(onRunning: onRunning).runService()
    }

    /// The application; `run()` on it serves until cancelled (or, with `runService()` on the result, until SIGINT/SIGTERM).
    /// `onRunning` is called with the bound port (useful with port 0).
    public func application(
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "subsidy-serve")
        logger.logLevel = .warning
        let api = self.api
        return Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in
                await Self.respond(api: api, request: request)
            },
            server: .http1(configuration: .init(idleTimeout: idleTimeout)),
            // A backlog of 1,024 pending connections (Hummingbird's default is 256): a burst of
            // clients on an intranet waits in the queue instead of being refused.
            configuration: .init(address: .hostname(host, port: port), serverName: "subsidy", backlog: 1024),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// One request: route, read the body within the limit, answer. Never throws: every failure
    /// is an answer (400, 404, 405, 413), so no request ends in a 500.
    static func respond(api: SubsidyAPI, request: Request) async -> Response {
        let method = request.method.rawValue
        let endpoint: Endpoint
        switch Endpoint.resolve(method: method, path: request.uri.path) {
        case .success(let found): endpoint = found
        case .failure(let error): return response(error.response, allow: allowed(error), head: false)
        }
        var body: [UInt8] = []
        if method == "POST" {
            if let length = request.headers[.contentLength].flatMap(Int.init), length > SubsidyAPI.maxBodyBytes {
                return response(SubsidyAPI.tooLarge, closing: true)
            }
            do {
                let buffer = try await request.body.collect(upTo: SubsidyAPI.maxBodyBytes)
                body = Array(buffer.readableBytesView)
            } catch {
                return response(SubsidyAPI.tooLarge, closing: true)
            }
        }
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters where query[String(key)] == nil {
            query[String(key)] = String(value)
        }
        let answer = api.respond(to: endpoint, query: query, body: body, contentType: request.headers[.contentType])
        return response(answer, head: method == "HEAD")
    }

    static func allowed(_ error: RoutingError) -> [String]? {
        switch error {
        case .notFound: nil
        case .methodNotAllowed(_, let allowed): allowed
        }
    }

    static func response(_ answer: APIResponse, allow: [String]? = nil, head: Bool = false, closing: Bool = false) -> Response {
        var headers: HTTPFields = [
            .contentType: answer.contentType,
            .cacheControl: "no-store",
            .init("X-Content-Type-Options")!: "nosniff",
            .init("Content-Security-Policy")!: "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
            .init("Referrer-Policy")!: "no-referrer",
        ]
        if let allow { headers[.allow] = allow.joined(separator: ", ") }
        if closing { headers[.connection] = "close" }
        let bytes = ByteBuffer(string: answer.body)
        headers[.contentLength] = String(bytes.readableBytes)
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: headers,
            body: head ? ResponseBody() : ResponseBody(byteBuffer: bytes))
    }
}
