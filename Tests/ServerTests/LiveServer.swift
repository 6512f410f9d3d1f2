import Dispatch
import Driver
import Engine
import Foundation
import RuleCompiler
import Server
import TestSupport
import Testing

/// Runs `body` against a real `subsidy serve --port 0` (the built binary, in its own process),
/// then stops it.
///
/// The server runs in a process of its own, as a user runs it: inside the test process its
/// handlers would share Swift's cooperative threads (two on CI's two cores) with every other
/// suite, and a long synchronous test there leaves the server unable to answer at all.
func withLiveServer<T: Sendable>(_ body: @Sendable (HTTPTestClient) async throws -> T) async throws -> T {
    let server = try LiveServer.start()
    defer { server.stop() }
    let port = try await server.port()
    return try await body(HTTPTestClient(port: port))
}

/// One `subsidy serve` child process.
final class LiveServer: Sendable {
    enum Failure: Error { case didNotStart(String), rulesDoNotCompile }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private let process: Process
    private let stdout: FileHandle

    private init(process: Process, stdout: FileHandle) {
        self.process = process
        self.stdout = stdout
    }

    /// Starts the built binary on 127.0.0.1 at a port the system picks.
    static func start() throws -> LiveServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: builtSubsidyBinary(packageRoot: root))
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try startSerially(process)
        return LiveServer(process: process, stdout: out.fileHandleForReading)
    }

    /// The port from the server's first line ("subsidy serve: open http://127.0.0.1:PORT/ …"),
    /// read on a Dispatch thread: the read blocks until the server listens (or exits).
    func port() async throws -> Int {
        let stdout = self.stdout
        let line: String = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while true {
                    let byte = stdout.readData(ofLength: 1)
                    guard let first = byte.first, first != UInt8(ascii: "\n") else { break }
                    bytes.append(first)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
        guard let address = line.range(of: "http://127.0.0.1:"),
              let port = Int(line[address.upperBound...].prefix { $0.isNumber }) else {
            throw Failure.didNotStart(line.isEmpty ? "the server printed nothing and exited" : line)
        }
        return port
    }

    /// Stops the server (SIGTERM) and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The built-in rule corpus, compiled once (for the answers the tests expect).
    static func graph() throws -> RuleGraph {
        guard let graph = compiled else { throw Failure.rulesDoNotCompile }
        return graph
    }

    private static let compiled: RuleGraph? = RuleCorpusLoader.load(directory: nil).graph
}
