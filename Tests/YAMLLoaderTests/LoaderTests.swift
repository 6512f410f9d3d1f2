import Diagnostics
import TestSupport
import Testing
import YAMLLoader

@Suite("Loader trees and locations")
struct LoaderTests {
    private func load(_ text: String) -> YAMLLoadResult { YAMLLoader().load(text, file: "f.yaml") }

    private func loc(_ line: Int, _ column: Int) -> Diagnostics.SourceLocation { Diagnostics.SourceLocation(line: line, column: column) }

    @Test func columnsCountUnicodeScalars() throws {
        let result = load("имя: Фонд\n")
        #expect(result.diagnostics.isEmpty)
        let pair = try #require(result.documents.first?.root?.mapping?.pair("имя"))
        #expect(pair.key.range.start == loc(1, 1))
        #expect(pair.key.range.end == loc(1, 4))
        #expect(pair.value.range.start == loc(1, 6))
        #expect(pair.value.range.end == loc(1, 10))
        #expect(pair.value.scalar?.value == "Фонд")
    }

    @Test func astralScalarsCountOnce() throws {
        let result = load("a: \"😀\"\nb: x\n")
        let b = try #require(result.documents.first?.root?.mapping?.pair("b"))
        #expect(b.value.range.start == loc(2, 4))
        let a = try #require(result.documents.first?.root?.mapping?["a"])
        #expect(a.range.end == loc(1, 7))
    }

    @Test func crlfLineEndingsAreAccepted() throws {
        let result = load("a: 1\r\nb: x\r\nc:\r\n  - y\r\n")
        #expect(result.diagnostics.isEmpty)
        let mapping = try #require(result.documents.first?.root?.mapping)
        #expect(mapping["b"]?.range.start == loc(2, 4))
        #expect(mapping["b"]?.scalar?.value == "x")
        #expect(mapping["c"]?.sequence?.first?.range.start == loc(4, 5))
    }

    @Test func byteOrderMarkIsAcceptedAndNotAColumn() throws {
        let result = YAMLLoader().load([0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 2\r\n".utf8), file: "f.yaml")
        #expect(result.diagnostics.isEmpty)
        let mapping = try #require(result.documents.first?.root?.mapping)
        #expect(mapping.pair("a")?.key.range.start == loc(1, 1))
        #expect(mapping.pair("b")?.key.range.start == loc(2, 1))
    }

    @Test(arguments: ["", "# only\n# comments\n", "\n\n", "   "])
    func emptyInputsHaveNoDocuments(_ text: String) {
        let result = load(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.isEmpty)
    }

    @Test func explicitEmptyDocumentHasANullRoot() {
        let result = load("---\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.count == 1)
        #expect(result.documents.first?.root?.scalar?.resolved == .null)
    }

    @Test func multiDocumentStreamKeepsTheDocumentsBeforeAnError() {
        let result = load("a: 1\n---\nb: 2\n---\nc: [\n")
        #expect(result.documents.count == 2)
        #expect(result.documents.map { $0.root?.mapping?.keys ?? [] } == [["a"], ["b"]])
        #expect(result.diagnostics.map(\.id) == ["yaml.syntax"])
        #expect(result.diagnostics.first?.range?.start.line == 6)
    }

    @Test func documentsHaveTheirOwnRanges() {
        let result = load("a: 1\n---\nb: 2\n")
        #expect(result.documents.map { $0.root?.range.start } == [loc(1, 1), loc(3, 1)])
    }

    @Test func anchorsAndAliasesResolveWithTheAliasRange() throws {
        let result = load("a: &x {k: v}\nb: *x\n")
        #expect(result.diagnostics.isEmpty)
        let b = try #require(result.documents.first?.root?.mapping?["b"])
        #expect(b.mapping?["k"]?.scalar?.value == "v")
        #expect(b.range.start == loc(2, 4))
    }

    @Test func anchorsDoNotCrossDocuments() {
        let result = load("a: &x 1\n---\nb: *x\n")
        #expect(result.diagnostics.map(\.compact) == ["yaml.unknown-anchor@3:4"])
    }

    @Test func leadingZeroNumbersKeepTheirText() throws {
        let result = load("hs: [08, 0087, \"0201\", 870810]\n")
        let items = try #require(result.documents.first?.root?.mapping?["hs"]?.sequence)
        var reader = NodeReader(domain: "test")
        #expect(items.compactMap { reader.string($0) } == ["08", "0087", "0201", "870810"])
        #expect(reader.diagnostics.diagnostics.isEmpty)
    }

    @Test func lineOffsetShiftsEveryLine() throws {
        let result = YAMLLoader().load("a: 1\nb: [\n", file: "d.md", lineOffset: 1)
        #expect(result.diagnostics.map(\.range?.start.line) == [4])
        let ok = YAMLLoader().load("a: 1\nb: 2\n", file: "d.md", lineOffset: 1)
        #expect(ok.documents.first?.root?.mapping?.pair("b")?.key.range.start == loc(3, 1))
    }

    @Test func tabsInsideValuesAreFine() throws {
        let result = load("a: \"x\ty\"\nb: x\ty\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.first?.root?.mapping?["b"]?.scalar?.value == "x\ty")
    }

    @Test func largeMappingsStillFindDuplicates() {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k3: again\nk39: again\n"
        let result = load(text)
        #expect(result.diagnostics.map(\.compact) == ["yaml.duplicate-key@41:1", "yaml.duplicate-key@42:1"])
        #expect(result.diagnostics.map { $0.notes.map(\.compact) } == [["4:1"], ["40:1"]])
        #expect(result.documents.first?.root?.mapping?["k39"]?.scalar?.value == "39")
        #expect(result.documents.first?.root?.mapping?.count == 40)
    }

    @Test func nodeReaderSuggestsKnownKeys() throws {
        let result = load("titel: x\n")
        let root = try #require(result.documents.first?.root)
        var reader = NodeReader(domain: "rule")
        _ = reader.mapping(root, known: ["title", "id"], what: "the rule")
        let d = try #require(reader.diagnostics.diagnostics.first)
        #expect(d.compact == "rule.unknown-key@1:1")
        #expect(d.message.contains("did you mean 'title'"))
    }
}
