import Foundation
import TestSupport
import Testing

/// `.ci/check-fence` (run by `.ci/run` before the build): unsafe constructs only in Sources/FastPath,
/// the libyaml binding and the file reader. Each test runs it on a copy of Sources, with or without
/// an injected violation, and checks its exit status and the `path:line` it names.
@Suite("fence check")
struct FenceCheckTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs the script on `root`: its exit status and what it wrote to standard error.
    static func check(_ root: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [packageRoot + "/.ci/check-fence", root]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try startSerially(process)
        let (_, errData) = readToEnd(stdout: out, stderr: err)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }

    /// A copy of the package's Sources in a fresh folder, with `text` appended to `file` (if given).
    static func copyOfSources(injecting text: String? = nil, into file: String? = nil) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: packageRoot + "/Sources", toPath: dir.path + "/Sources")
        if let text, let file {
            let path = dir.path + "/Sources/" + file
            let old = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            try dir.write("Sources/" + file, old + text)
        }
        return dir
    }

    @Test func theSourcesPass() throws {
        let dir = try Self.copyOfSources()
        defer { dir.remove() }
        let result = try Self.check(dir.path)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func anUnsafePointerInMeasuresFails() throws {
        let dir = try Self.copyOfSources(injecting: "\nlet leak: UnsafePointer<UInt8>? = nil\n", into: "Measures/Injected.swift")
        defer { dir.remove() }
        let result = try Self.check(dir.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Sources/Measures/Injected.swift:2:let leak: UnsafePointer<UInt8>? = nil"), "\(result.stderr)")
    }

    @Test(arguments: [
        "final class Shared: @unchecked Sendable {}",
        "let held = Unmanaged<AnyObject>.self",
        "struct S { @exclusivity(unchecked) var x = 0 }",
    ])
    func eachConstructFailsInTheEngine(_ line: String) throws {
        // Classification.swift is engine code outside the fence.
        let dir = try Self.copyOfSources(injecting: line + "\n", into: "Engine/Classification.swift")
        defer { dir.remove() }
        let result = try Self.check(dir.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Sources/Engine/Classification.swift:"), "\(result.stderr)")
    }

    /// The engine files that were exempt while their unsafe code waited to move into the fence
    /// (the script's former PENDING list) are checked like every other file.
    @Test(arguments: [
        "Engine/AnswerWorlds.swift", "Engine/Classifier.swift", "Engine/Evaluation.swift", "Engine/FactVector.swift",
        "Engine/Reason.swift", "Engine/RuleLists.swift", "Engine/Workspace.swift", "RuleCompiler/Graph/EvalCode.swift",
        "RuleCompiler/Graph/EvalProgram.swift",
    ])
    func theFormerlyPendingEngineFilesAreChecked(_ file: String) throws {
        let dir = try Self.copyOfSources(injecting: "\nlet leak: UnsafeMutablePointer<UInt8>? = nil\n", into: file)
        defer { dir.remove() }
        let result = try Self.check(dir.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Sources/\(file):"), "\(result.stderr)")
    }

    @Test func theSameLineInTheFencePasses() throws {
        let dir = try Self.copyOfSources(injecting: "\nlet fine: UnsafePointer<UInt8>? = nil\n", into: "FastPath/Injected.swift")
        defer { dir.remove() }
        let result = try Self.check(dir.path)
        #expect(result.status == 0, "\(result.stderr)")
    }
}
