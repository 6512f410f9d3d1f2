import Foundation
import TestSupport

/// Paths and process helpers shared by the lint tests.
enum LintFixtures {
    /// The package root, from this file's path.
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// `Examples/drafts` under the package root.
    static let drafts = root + "/Examples/drafts"

    /// The built `subsidy` binary (the one next to the test bundle, see `builtSubsidyBinary`).
    static let binary = builtSubsidyBinary(packageRoot: root)

    /// The official SARIF 2.1.0 schema kept by the reporting tests.
    static let sarifSchema = root + "/Tests/ReportingTests/Resources/sarif-schema-2.1.0.json"

    /// A fresh empty temporary folder.
    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("subsidy-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Writes `text` to `folder/name` and returns the path.
    @discardableResult
    static func write(_ text: String, to name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable arguments` in `directory` and waits for it.
    static func run(_ executable: String, _ arguments: [String], in directory: String = root) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // Output goes to temporary files: no pipe can fill up and block the child.
        let folder = try temporaryFolder()
        let outPath = folder + "/stdout", errPath = folder + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        try startSerially(process)
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = try String(contentsOfFile: outPath, encoding: .utf8)
        let stderr = try String(contentsOfFile: errPath, encoding: .utf8)
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Runs the `subsidy` binary.
    static func subsidy(_ arguments: [String], in directory: String = root) throws -> Run {
        try run(binary, arguments, in: directory)
    }

    /// Whether `python3` with `jsonschema` is available.
    static let hasJSONSchema: Bool = {
        (try? run("/usr/bin/env", ["python3", "-c", "import jsonschema"]))?.status == 0
    }()
}

extension LintFixtures {
    /// Whether `python3` is available.
    static let hasPython: Bool = {
        (try? run("/usr/bin/env", ["python3", "-c", "pass"]))?.status == 0
    }()
}
