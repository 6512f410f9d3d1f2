import ArgumentParser
import Diagnostics
import Dispatch
import Driver
import Engine
import FastPath
import Foundation
import Server

/// `subsidy serve`: the web page and HTTP API on the same engine (spec/cli.md v1.1).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web page and HTTP API for drafters (classify as you answer the questions).",
        discussion: """
            Open http://HOST:PORT/ in a browser. API: POST /api/classify (a measure as YAML or JSON; \
            ?as_of=YYYY-MM-DD, ?lang=en|ru) returns the classify JSON; GET /api/schema/measure; \
            GET /healthz. Listens on 127.0.0.1 unless --host says otherwise. Stop with Ctrl-C.
            """
    )

    @Option(help: "The address to listen on (127.0.0.1: this machine only).")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8080

    @OptionGroup var rules: RulesOption

    func run() throws {
        let (graph, catalogue) = try rules.corpus()
        let server = SubsidyServer(api: SubsidyAPI(classifier: Classifier(graph: graph), catalogue: catalogue), host: host, port: port)
        let host = self.host
        let failure = ServeFailure()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { port in
                    FileHandle.standardOutput.write(Data("subsidy serve: open http://\(host):\(port)/ (Ctrl-C stops)\n".utf8))
                }
            } catch { failure.record(error) }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            Output.error("subsidy serve: \(message)\n")
            throw ExitCode(2)
        }
    }
}

/// The error the server stopped with (bind failure), handed from its task to the command.
final class ServeFailure: Sendable {
    private let state = Locked<String?>(nil)
    func record(_ error: any Error) { state.withLock { $0 = "\(error)" } }
    var message: String? { state.withLock { $0 } }
}
