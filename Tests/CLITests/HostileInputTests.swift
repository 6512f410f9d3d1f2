import Foundation
import TestSupport
import Testing

/// Files a ministry did not write, run through the built binary: each gives a located error (or a
/// clean result) and exit 2 where invalid, never a crash or a hang. Every fixture is generated into
/// a temporary folder at test time (nothing large is committed).
@Suite("hostile inputs")
struct HostileInputTests {
    static let good = "id: KZ-1\ntitle: Interest-rate subsidy\nmember_state: KZ\nbenefit: true\nforms: [interest-subsidy]\n"

    /// Runs `subsidy arguments` with a deadline: a run past `timeout` seconds is killed and fails the test.
    static func run(_ arguments: [String], timeout: Double = 20, in directory: String? = nil) throws -> Subsidy.Output {
        let output = try Subsidy.run(arguments, timeout: timeout, in: directory)
        // A crash is a signal (uncaught: terminationReason .uncaughtSignal) or a trap's status.
        #expect(!output.crashed, "subsidy \(arguments.first ?? "") crashed: \(output.stderr.suffix(2000))")
        return output
    }

    /// Validates one generated file: returns the output (status already checked against `status`).
    static func validate(_ name: String, bytes: [UInt8], status: Int32, _ dir: TemporaryDirectory) throws -> Subsidy.Output {
        let path = try dir.write(name, bytes: bytes)
        let result = try run(["validate", path])
        #expect(result.status == status, "\(name): \(result.stderr.prefix(2000))")
        return result
    }

    // MARK: - Resource bombs

    @Test func aliasBombIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        let result = try Self.validate("laughs.yaml", bytes: Array(text.utf8), status: 2, dir)
        #expect(result.stderr.contains("[yaml.too-many-nodes]"))
        #expect(result.stderr.contains("laughs.yaml:"))
    }

    @Test func hundredThousandLevelsOfNesting() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let flow = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let result = try Self.validate("deep.yaml", bytes: Array(flow.utf8), status: 2, dir)
        #expect(result.stderr.contains("deep.yaml:1:129: error: nesting deeper than 128 levels"))
        // Block style: every level indented one more space.
        var block = ""
        for level in 0..<2_000 { block += String(repeating: " ", count: level) + "k:\n" }
        let blockResult = try Self.validate("deep-block.yaml", bytes: Array(block.utf8), status: 2, dir)
        #expect(blockResult.stderr.contains("[yaml.too-deep]"))
        let mapping = String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        let mappingResult = try Self.validate("deep-map.yaml", bytes: Array(mapping.utf8), status: 2, dir)
        #expect(mappingResult.stderr.contains("[yaml.too-deep]"))
    }

    @Test func hundredMegabyteFileIsRefusedWithoutReadingIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("huge.yaml", Self.good)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        let chunk = Data(("# " + String(repeating: "x", count: 1 << 20 - 3) + "\n").utf8)
        for _ in 0..<100 { handle.write(chunk) }
        try handle.close()
        let started = Date()
        let result = try Self.run(["validate", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("huge.yaml:1:1: error: file is"))
        #expect(result.stderr.contains("[yaml.too-large]"))
        #expect(Date().timeIntervalSince(started) < 10)
        let lint = try Self.run(["lint", "--as-of", "2026-01-01", path])
        // An invalid draft is an error finding (contract v1.1): exit 1, not 2.
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("yaml.too-large"))
    }

    @Test func millionKeysAreRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var text = ""
        text.reserveCapacity(12 << 20)
        for i in 0..<1_000_000 { text += "k\(i): 1\n" }
        let result = try Self.validate("keys.yaml", bytes: Array(text.utf8), status: 2, dir)
        #expect(result.stderr.contains("[yaml.too-large]"))
        // Under the size limit: 40,000 unknown keys (80,000 nodes) are reported, in bounded time;
        // 60,000 pass the node limit (100,000 nodes).
        var smaller = Self.good
        for i in 0..<40_000 { smaller += "k\(i): 1\n" }
        let many = try Self.validate("many.yaml", bytes: Array(smaller.utf8), status: 2, dir)
        #expect(many.stderr.contains("[measure.unknown-key]"))
        #expect(many.stderr.contains("39900 more unknown keys in the measure"))
        // A megabyte-long unknown key gets no edit-distance search against every known key.
        let longKey = try Self.validate(
            "long-key.yaml", bytes: Array((Self.good + "? " + String(repeating: "k", count: 1 << 20) + "\n: 1\n").utf8), status: 2, dir)
        #expect(longKey.stderr.contains("[measure.unknown-key]"))
        for i in 40_000..<60_000 { smaller += "k\(i): 1\n" }
        let tooMany = try Self.validate("too-many.yaml", bytes: Array(smaller.utf8), status: 2, dir)
        #expect(tooMany.stderr.contains("[yaml.too-many-nodes]"))
    }

    @Test func oneMegabyteLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let long = Self.good.replacingOccurrences(
            of: "title: Interest-rate subsidy", with: "title: " + String(repeating: "a", count: 1 << 20))
        _ = try Self.validate("long.yaml", bytes: Array(long.utf8), status: 0, dir)
        let garbage = "id: [" + String(repeating: "a", count: 1 << 20) + "\n"
        let bad = try Self.validate("long-bad.yaml", bytes: Array(garbage.utf8), status: 2, dir)
        #expect(bad.stderr.contains("long-bad.yaml:"))
        // The quoted line is a window around the caret, not the megabyte.
        #expect(bad.stderr.utf8.count < 4096, "\(bad.stderr.utf8.count) bytes of diagnostics")
    }

    // MARK: - Bytes

    @Test func invalidUTF8IsLocated() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bytes = Array(Self.good.utf8) + Array("notes: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let result = try Self.validate("utf8.yaml", bytes: bytes, status: 2, dir)
        #expect(result.stderr.contains("utf8.yaml:6:11: error: invalid UTF-8"))
    }

    @Test func nulByteIsLocated() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bytes = Array("id: KZ-1\ntitle: a".utf8) + [0] + Array("b\n".utf8)
        let result = try Self.validate("nul.yaml", bytes: bytes, status: 2, dir)
        #expect(result.stderr.contains("nul.yaml:2:9: error: NUL byte"))
    }

    @Test func crlfAndBOMAreAccepted() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let crlf = [0xEF, 0xBB, 0xBF] + Array(Self.good.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let result = try Self.validate("crlf.yaml", bytes: crlf, status: 0, dir)
        #expect(result.stdout == "1 measure(s) in 1 file(s): valid\n")
        let markdown = [0xEF, 0xBB, 0xBF] + Array(("---\n" + Self.good + "---\n# Draft\n")
            .replacingOccurrences(of: "\n", with: "\r\n").utf8)
        _ = try Self.validate("crlf.md", bytes: markdown, status: 0, dir)
    }

    @Test func tabIndentationIsLocatedWithAHint() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let text = Self.good + "amount:\n\tvalue: 10\n"
        let result = try Self.validate("tabs.yaml", bytes: Array(text.utf8), status: 2, dir)
        #expect(result.stderr.contains("tabs.yaml:7:"))
        #expect(result.stderr.contains("tabs for indentation"))
    }

    // MARK: - YAML 1.1 leftovers

    @Test(arguments: ["on", "off", "y", "n", "On", "OFF", "Y", "N"])
    func yaml11BooleansOtherThanYesNoAreErrors(_ word: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let text = Self.good.replacingOccurrences(of: "benefit: true", with: "benefit: \(word)")
        let result = try Self.validate("bool.yaml", bytes: Array(text.utf8), status: 2, dir)
        #expect(result.stderr.contains("bool.yaml:4:10: error:"), "\(result.stderr)")
    }

    @Test(arguments: ["no", "yes", "No", "YES", "false", "unknown"])
    func contractBooleansAreAccepted(_ word: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let text = Self.good.replacingOccurrences(of: "benefit: true", with: "benefit: \(word)")
        _ = try Self.validate("bool.yaml", bytes: Array(text.utf8), status: 0, dir)
    }

    @Test func sexagesimalStaysAString() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // A text field takes `1:30` as the text "1:30" ...
        let title = Self.good.replacingOccurrences(of: "title: Interest-rate subsidy", with: "title: 1:30")
        _ = try Self.validate("title.yaml", bytes: Array(title.utf8), status: 0, dir)
        // ... and a number field does not read it as 90.
        let number = Self.good + "amount:\n  value: 1:30\n"
        let result = try Self.validate("amount.yaml", bytes: Array(number.utf8), status: 2, dir)
        #expect(result.stderr.contains("amount.yaml:7:10: error:"), "\(result.stderr)")
    }

    // MARK: - The file system

    @Test func symlinkLoopsUnderALintedFolder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("m/good.yaml", Self.good)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/m/a.yaml", withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/m/b.yaml", withDestinationPath: "a.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/m/loop", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/m/sub", withDestinationPath: "../m")
        let result = try Self.run(["lint", "--as-of", "2026-01-01", dir.path + "/m"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("m/a.yaml: error: cannot read the file"), "\(result.stderr)")
        #expect(result.stderr.contains("m/b.yaml: error: cannot read the file"))
        let validate = try Self.run(["validate", dir.path + "/m"])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains("m/a.yaml: error: cannot read the file"))
    }

    @Test func danglingSymlinkUnderALintedFolder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("m/good.yaml", Self.good)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/m/gone.yaml", withDestinationPath: "nowhere.yaml")
        let result = try Self.run(["lint", "--as-of", "2026-01-01", dir.path + "/m"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("m/gone.yaml: error: cannot read the file"), "\(result.stderr)")
    }

    @Test func fifoIsRefusedNotReadForever() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("m/good.yaml", Self.good)
        #expect(mkfifo(dir.path + "/m/pipe.yaml", 0o644) == 0)
        let result = try Self.run(["lint", "--as-of", "2026-01-01", dir.path + "/m"], timeout: 10)
        #expect(result.status == 2)
        #expect(result.stderr.contains("m/pipe.yaml: error: cannot read the file: not a regular file"), "\(result.stderr)")
        let validate = try Self.run(["validate", dir.path + "/m/pipe.yaml"], timeout: 10)
        #expect(validate.status == 2)
        let config = try Self.run(["lint", "--config", dir.path + "/m/pipe.yaml", dir.path + "/m/good.yaml"], timeout: 10)
        #expect(config.status == 2)
        let devices = try Self.run(["validate", "/dev/zero"], timeout: 10)
        #expect(devices.status == 2)
    }

    @Test func directoryPassedAsAFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let good = try dir.write("good.yaml", Self.good)
        try FileManager.default.createDirectory(atPath: dir.path + "/folder.yaml", withIntermediateDirectories: true)
        let config = try Self.run(["lint", "--config", dir.path + "/folder.yaml", good])
        #expect(config.status == 2)
        #expect(config.stderr.contains("folder.yaml"), "\(config.stderr)")
        let rules = try Self.run(["lint", "--rules", good, good])
        #expect(rules.status == 2)
        let output = try Self.run(["lint", "--as-of", "2026-01-01", "--output", "sarif=\(dir.path)/folder.yaml", good])
        #expect(output.status == 2)
        #expect(output.stderr.contains("cannot write"), "\(output.stderr)")
    }

    // MARK: - Interrupted reports

    /// `--output sarif=PATH` is written atomically: killed at any moment, PATH holds the old report
    /// or the whole new one; a finished run leaves no temporary file beside it.
    @Test func interruptedSarifLeavesOldOrNewFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for i in 0..<200 { try dir.write("m/m\(i).yaml", Self.good.replacingOccurrences(of: "KZ-1", with: "KZ-\(i)")) }
        let target = dir.path + "/out/lint.sarif"
        try FileManager.default.createDirectory(atPath: dir.path + "/out", withIntermediateDirectories: true)
        let arguments = ["lint", "--as-of", "2026-01-01", "--fail-on", "note", "--output", "sarif=\(target)", dir.path + "/m"]
        // The limit only catches a hang: 200 files by a debug build on a loaded machine took over 20 s.
        _ = try Self.run(arguments, timeout: 180)
        let complete = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(try JSONSerialization.jsonObject(with: complete) is [String: Any])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out") == ["lint.sarif"])
        let old = Data("old report\n".utf8)
        for attempt in 0..<20 {
            try old.write(to: URL(fileURLWithPath: target))
            let process = Process()
            process.executableURL = try Subsidy.executable()
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try startSerially(process)
            usleep(UInt32(5_000 + attempt * 7_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Data(contentsOf: URL(fileURLWithPath: target))
            #expect(now == old || now == complete, "attempt \(attempt): \(now.count) bytes, neither old nor new")
        }
    }
}
