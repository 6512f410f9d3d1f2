import Diagnostics
import Testing

@Suite("DiagnosticRenderer")
struct DiagnosticRendererTests {
    private func range(_ file: String, _ line: Int, _ column: Int, _ endColumn: Int? = nil) -> SourceRange {
        SourceRange(
            file: file,
            start: Diagnostics.SourceLocation(line: line, column: column),
            end: Diagnostics.SourceLocation(line: line, column: endColumn ?? column))
    }

    @Test func clangStyleWithSourceLineAndCaret() {
        let text = "id: a\nbenefit: no\n"
        let renderer = DiagnosticRenderer(sources: ["m.yaml": SourceText(path: "m.yaml", text: text)])
        let d = Diagnostic(
            id: "yaml.yaml11-boolean", message: "expected a boolean (true or false), found 'no'",
            range: range("m.yaml", 2, 10, 12))
        #expect(renderer.render(d) == """
            m.yaml:2:10: error: expected a boolean (true or false), found 'no' [yaml.yaml11-boolean]
                2 | benefit: no
                  |          ^~

            """)
    }

    @Test func notesWithAndWithoutPlaces() {
        let text = "a: 1\nb: 2\na: 3\n"
        let renderer = DiagnosticRenderer(sources: ["m.yaml": SourceText(path: "m.yaml", text: text)])
        let d = Diagnostic(
            id: "yaml.duplicate-key", message: "duplicate key 'a'", range: range("m.yaml", 3, 1, 2),
            notes: [Note("first defined here", at: range("m.yaml", 1, 1, 2)), Note("keys must be unique")])
        #expect(renderer.render(d) == """
            m.yaml:3:1: error: duplicate key 'a' [yaml.duplicate-key]
                3 | a: 3
                  | ^
            m.yaml:1:1: note: first defined here
                1 | a: 1
                  | ^
            note: keys must be unique

            """)
    }

    @Test func caretCountsUnicodeScalarsAndTabsBecomeSpaces() {
        let text = "имя:\t«Фонд»\n"
        let renderer = DiagnosticRenderer(sources: ["m.yaml": SourceText(path: "m.yaml", text: text)])
        let d = Diagnostic(id: "x.y", severity: .warning, message: "m", range: range("m.yaml", 1, 6, 12))
        #expect(renderer.render(d) == """
            m.yaml:1:6: warning: m [x.y]
                1 | имя: «Фонд»
                  |      ^~~~~~

            """)
    }

    @Test func crlfAndByteOrderMarkAreNotShown() {
        let text = "\u{FEFF}a: 1\r\nb: x\r\n"
        let source = SourceText(path: "m.yaml", text: text)
        #expect(source.line(1) == "a: 1")
        #expect(source.line(2) == "b: x")
        #expect(source.line(3) == "")
        #expect(source.line(4) == nil)
        #expect(source.line(0) == nil)
    }

    @Test func withoutSourceOrPosition() {
        let renderer = DiagnosticRenderer()
        let noSource = Diagnostic(id: "a.b", message: "m", range: range("x.yaml", 3, 2))
        #expect(renderer.render(noSource) == "x.yaml:3:2: error: m [a.b]\n")
        let fileOnly = Diagnostic(id: "input.unreadable", message: "cannot read the file: no such file",
                                  range: range("x.yaml", 0, 0))
        #expect(renderer.render(fileOnly) == "x.yaml: error: cannot read the file: no such file [input.unreadable]\n")
        let nowhere = Diagnostic(id: "a.b", severity: .note, message: "m", range: nil)
        #expect(renderer.render(nowhere) == "note: m [a.b]\n")
    }

    @Test func caretPastTheEndOfALineIsClamped() {
        let renderer = DiagnosticRenderer(sources: ["m.yaml": SourceText(path: "m.yaml", text: "ab\n")])
        let d = Diagnostic(id: "a.b", message: "m", range: range("m.yaml", 1, 9, 20))
        #expect(renderer.render(d).hasSuffix("    1 | ab\n      |   ^\n"))
    }

    @Test func sortKeyOrdersByFileLineColumnId() {
        let ds = [
            Diagnostic(id: "b", message: "", range: range("b.yaml", 1, 1)),
            Diagnostic(id: "z", message: "", range: range("a.yaml", 2, 1)),
            Diagnostic(id: "y", message: "", range: range("a.yaml", 1, 5)),
            Diagnostic(id: "x", message: "", range: range("a.yaml", 1, 5)),
            Diagnostic(id: "n", message: "", range: nil),
        ]
        #expect(ds.sorted(by: Diagnostic.sortKey).map(\.id) == ["n", "x", "y", "z", "b"])
    }

    @Test func bagCollectsAndKnowsErrors() {
        var bag = DiagnosticBag()
        bag.emit(Diagnostic(id: "w", severity: .warning, message: "", range: nil))
        #expect(!bag.hasErrors)
        bag.error("e", "m", at: range("a.yaml", 1, 1))
        #expect(bag.hasErrors)
        #expect(bag.sorted.map(\.id) == ["w", "e"])
        #expect(Severity.note < Severity.warning && Severity.warning < Severity.error)
    }

    @Test func rangeEndNeverPrecedesStart() {
        let r = SourceRange(file: "f", start: .init(line: 2, column: 5), end: .init(line: 1, column: 1))
        #expect(r.end == r.start)
        #expect(r.shifted(byLines: 3).start == .init(line: 5, column: 5))
        #expect(r.description == "f:2:5")
    }
}
