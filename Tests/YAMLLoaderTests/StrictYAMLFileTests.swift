import Diagnostics
import TestSupport
import Testing
import YAMLLoader

/// `StrictYAMLFile` (one document, located loading errors) and the unknown-key cap every strict
/// mapping read now shares.
@Suite("Strict one-document files")
struct StrictYAMLFileTests {
    private func open(_ text: String, limits: YAMLLimits = .default) -> StrictYAMLFile {
        StrictYAMLFile(bytes: Array(text.utf8), path: "s.yml", limits: limits, domain: "settings", what: "the settings file")
    }

    @Test func emptyFileAndNullRootHaveNoRoot() {
        for text in ["", "~\n", "# only a comment\n", "---\n"] {
            let file = open(text)
            #expect(!file.failed, "\(text)")
            #expect(file.root == nil, "\(text)")
            #expect(file.diagnostics.isEmpty, "\(text)")
            #expect(file.result(1).0 == 1, "\(text)")
        }
    }

    @Test func aSecondDocumentIsALocatedError() throws {
        let file = open("a: 1\n---\nb: 2\n")
        #expect(file.failed)
        #expect(file.root == nil)
        let d = try #require(file.diagnostics.first)
        #expect(d.compact == "settings.several-documents@2:1")
        #expect(d.message == "the settings file must hold one YAML document, found 2")
        #expect(file.result("value").0 == nil)
    }

    @Test func loaderErrorsFailTheFile() {
        let file = open("a: [unclosed\n")
        #expect(file.failed)
        #expect(file.diagnostics.contains { $0.id.hasPrefix("yaml.") && $0.range?.start.line ?? 0 >= 1 })
        let big = open(String(repeating: "# filler\n", count: 200), limits: YAMLLimits(maxBytes: 1000))
        #expect(big.diagnostics.map(\.compact) == ["yaml.too-large@1:1"])
    }

    @Test func unreadableFileNamesTheFileOnceAndWhy() throws {
        let file = StrictYAMLFile(unreadable: "dir/s.yml", reason: "no such file", domain: "settings", what: "the settings file")
        #expect(file.failed)
        #expect(file.source == nil)
        let rendered = DiagnosticRenderer().render(file.diagnostics)
        #expect(rendered == "dir/s.yml: error: cannot read the settings file: no such file [settings.unreadable]\n")
    }

    @Test func decodingErrorsDropTheValue() throws {
        var file = open("x: 1\n")
        let root = try #require(file.root)
        _ = file.reader.mapping(root, known: ["y"], what: "the settings")
        #expect(file.result(7).0 == nil)
        #expect(file.result(7).1.map(\.compact) == ["settings.unknown-key@1:1"])
        #expect(file.source?.line(1) == "x: 1")
    }

    @Test func unknownKeysAreCappedWithOneSummaryInEveryMapping() throws {
        let text = (0..<150).map { "k\($0): 1" }.joined(separator: "\n") + "\nname: x\n"
        var file = open(text)
        let root = try #require(file.root)
        #expect(file.reader.mapping(root, known: ["name"], what: "the settings") != nil)
        let unknown = file.diagnostics.filter { $0.id == "settings.unknown-key" }
        #expect(unknown.count == NodeReader.maxUnknownKeys + 1)
        #expect(unknown.prefix(100).allSatisfy { $0.message.hasPrefix("unknown key 'k") })
        let summary = try #require(unknown.last)
        #expect(summary.message == "50 more unknown keys in the settings")
        #expect(summary.compact == "settings.unknown-key@151:1")
    }

    @Test func aHundredUnknownKeysGetNoSummary() throws {
        var file = open((0..<100).map { "k\($0): 1" }.joined(separator: "\n"))
        let root = try #require(file.root)
        _ = file.reader.mapping(root, known: ["name"], what: "the settings")
        #expect(file.diagnostics.count == 100)
        #expect(!file.diagnostics.contains { $0.message.contains("more unknown keys") })
    }
}
