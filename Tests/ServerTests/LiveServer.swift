import Driver
import RuleCompiler
import Engine
import Server
import Testing

/// Runs `body` against a real `subsidy serve` listening on 127.0.0.1 at an ephemeral port, then
/// stops it.
func withLiveServer<T: Sendable>(_ body: @Sendable (HTTPTestClient) async throws -> T) async throws -> T {
    let server = SubsidyServer(api: SubsidyAPI(classifier: Classifier(graph: try LiveServer.graph())), host: "127.0.0.1", port: 0)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = server.application { port in continuation.yield(port) }
    let running = Task { try await app.run() }
    defer { running.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw LiveServer.Failure.didNotStart }
    let result = try await body(HTTPTestClient(port: port))
    running.cancel()
    _ = await running.result
    return result
}

enum LiveServer {
    enum Failure: Error { case didNotStart, rulesDoNotCompile }

    /// The built-in rule corpus, compiled once.
    static func graph() throws -> RuleGraph {
        guard let graph = compiled else { throw Failure.rulesDoNotCompile }
        return graph
    }

    private static let compiled: RuleGraph? = RuleCorpusLoader.load(directory: nil).graph
}
