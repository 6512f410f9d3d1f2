import Foundation
import TestSupport

/// Runs `python3` helpers from tests (the JSON Schema and XML checks use Python's `jsonschema`
/// and `xml.etree`, both present on CI).
enum Python {
    struct Output {
        var status: Int32
        /// Standard output and standard error, interleaved.
        var output: String
    }

    /// Whether `python3` with `jsonschema` (≥ 4, for draft 2020-12) can be run.
    static let hasJSONSchema: Bool = {
        guard let out = try? run("import jsonschema; jsonschema.Draft202012Validator", arguments: []) else {
            return false
        }
        return out.status == 0
    }()

    /// Runs `python3 -c script arguments…`.
    static func run(_ script: String, arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try startSerially(process)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, suffix: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("subsidy-reporting-\(UUID().uuidString)\(suffix)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The path of a file in the test bundle's `Resources` folder.
    static func resource(_ name: String) -> String? {
        Bundle.module.url(forResource: "Resources/\(name)", withExtension: nil)?.path
    }
}
