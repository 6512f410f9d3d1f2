import Diagnostics
import Measures
import TestSupport
import Testing
import YAMLLoader

@Suite("Markdown front matter")
struct FrontMatterTests {
    static let draft = "---\nid: a\ntitle: t\nmember_state: KZ\nbenefit: maybe\n---\n# Body\n\nfree: [text\n"

    @Test func errorLinesAreTrueToTheMarkdownFile() {
        let diagnostics = decode(Self.draft, path: "draft.md").diagnostics
        #expect(diagnostics.map(\.compact) == ["measure.type-mismatch@5:10"])
        #expect(diagnostics.first?.range?.file == "draft.md")
    }

    @Test func crlfAndByteOrderMarkKeepTheSameLines() {
        let crlf = Self.draft.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let bytes = [0xEF, 0xBB, 0xBF] + Array(crlf.utf8)
        let diagnostics = MeasureSource.load(bytes: bytes, path: "draft.md", vocabulary: testVocabulary).diagnostics
        #expect(diagnostics.map(\.compact) == ["measure.type-mismatch@5:10"])
    }

    @Test func validDraftDecodes() throws {
        let text = "---\n" + MeasureFixture.full.render().text + "---\n\nThe measure supports makers of parts.\n"
        let (measures, diagnostics) = decode(text, path: "kz.markdown")
        #expect(diagnostics.isEmpty)
        let measure = try #require(measures.first)
        #expect(measure.range.start.line == 2)
        #expect(measure["benefit"].range?.start.line == (MeasureFixture.full.render().values["benefit"]?.line ?? 0) + 1)
    }

    @Test func syntaxErrorInFrontMatterIsShifted() {
        let diagnostics = decode("---\nid: a\ntitle: \"t\n---\nbody\n", path: "d.md").diagnostics
        #expect(diagnostics.first?.id == "yaml.syntax")
        #expect(diagnostics.first?.notes.first?.compact == "3:8")
    }

    @Test(arguments: ["# Just a note\n", "", "--- \nid: a\n", "text\n---\nid: a\n---\n"])
    func draftWithoutFrontMatter(_ text: String) {
        #expect(decode(text, path: "d.md").diagnostics.map(\.compact) == ["measure.no-front-matter@1:1"])
    }

    @Test func documentEndMarkerClosesFrontMatter() {
        let front = FrontMatter.extract(from: Array("---\na: 1\n...\nbody\n".utf8))
        #expect(front.map { String(decoding: $0.yaml, as: UTF8.self) } == "a: 1\n")
        #expect(front?.lineOffset == 1)
    }

    @Test func yamlFilesAreNotReadAsMarkdown() {
        #expect(!MeasureSource.isMarkdown("m.yaml"))
        #expect(MeasureSource.isMarkdown("m.md"))
        #expect(MeasureSource.isMarkdown("dir/m.markdown"))
    }
}
