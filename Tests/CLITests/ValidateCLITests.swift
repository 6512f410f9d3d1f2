import Foundation
import TestSupport
import Testing

/// Runs the built `subsidy` executable.
enum Subsidy {
    /// The `subsidy` binary (``builtSubsidyBinary(packageRoot:)``: `$SUBSIDY_BIN`, else next to the
    /// test bundle, else the package's `.build/debug`).
    static func executable() throws -> URL {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = builtSubsidyBinary(packageRoot: packageRoot.path)
        guard FileManager.default.isExecutableFile(atPath: path) else { throw NotFound(searched: [path]) }
        return URL(fileURLWithPath: path)
    }

    struct NotFound: Error, CustomStringConvertible {
        let searched: [String]
        var description: String { "subsidy executable not found; looked at: \(searched.joined(separator: ", "))" }
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the process ended by a signal (a crash) rather than by exiting.
        var crashed = false
    }

    /// Runs `subsidy arguments` and returns its exit status and output. Output goes to files in a
    /// temporary folder (no pipes, so a large output cannot block the child). With a `timeout`, a
    /// run past that many seconds is killed and recorded as a test issue.
    static func run(_ arguments: [String], timeout: Double? = nil, in directory: String? = nil) throws -> Output {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let outPath = try scratch.write("stdout", "")
        let errPath = try scratch.write("stderr", "")
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardInput = FileHandle.nullDevice
        try startSerially(process)
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                Issue.record("subsidy \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
            }
        }
        process.waitUntilExit()
        func text(_ path: String) -> String {
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
        }
        return Output(status: process.terminationStatus, stdout: text(outPath), stderr: text(errPath),
                      crashed: process.terminationReason != .exit)
    }
}

@Suite("subsidy validate")
struct ValidateCLITests {
    static let good = """
        id: KZ-1
        title: Interest-rate subsidy
        member_state: KZ
        benefit: true
        forms: [interest-subsidy]

        """

    @Test func validFileExitsZero() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("good.yaml", Self.good)
        let result = try Subsidy.run(["validate", path])
        #expect(result.status == 0)
        #expect(result.stdout == "1 measure(s) in 1 file(s): valid\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func invalidFileExitsTwoWithLocatedDiagnostic() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("bad.yaml", Self.good.replacingOccurrences(of: "benefit: true", with: "benefit: on"))
        let result = try Subsidy.run(["validate", "bad.yaml"], in: dir.path)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            bad.yaml:4:10: error: expected true, false or unknown for 'benefit', found 'on' [yaml.yaml11-boolean]
                4 | benefit: on
                  |          ^~
            note: YAML 1.2 reads 'on' as text, not as a boolean; write true or false

            """)
    }

    @Test func folderWithGoodAndBadFilesReportsEveryProblemInOrder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("m/a.yaml", Self.good)
        try dir.write("m/b.md", "---\nid: B\ntitle: b\nmember_state: kz\n---\n# Draft\n")
        try dir.write("m/c.yaml", "id: C\nid: D\n")
        try dir.write("m/notes.txt", "not a measure")
        let result = try Subsidy.run(["validate", "m"], in: dir.path)
        #expect(result.status == 2)
        let headers = result.stderr.split(separator: "\n").filter { $0.hasPrefix("m/") }
        #expect(headers.map { String($0.prefix { $0 != " " }) } == [
            "m/b.md:4:15:", "m/c.yaml:1:1:", "m/c.yaml:1:1:", "m/c.yaml:2:1:", "m/c.yaml:1:1:",
        ])
        #expect(result.stderr.contains("[measure.invalid-value]"))
        #expect(result.stderr.contains("[yaml.duplicate-key]"))
    }

    @Test func unreadablePathExitsTwo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Subsidy.run(["validate", "missing.yaml"], in: dir.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.yaml: error: cannot read the file: no such file [input.unreadable]"))
    }

    @Test func repositoryExamplesAreValid() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try Subsidy.run(["validate", "Examples"], in: root.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix(": valid\n"))
    }
}
