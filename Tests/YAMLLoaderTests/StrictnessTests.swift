import Diagnostics
import TestSupport
import Testing
import YAMLLoader

/// One fixture per strictness rule of the loader: the diagnostic's id, line and column, and where
/// it has one, its note's line and column.
struct StrictnessCase: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    var limits = YAMLLimits()
    let id: String
    let line: Int
    let column: Int
    var note: String?

    var testDescription: String { name }

    init(_ name: String, _ text: String, limits: YAMLLimits = YAMLLimits(), _ id: String, _ line: Int, _ column: Int,
         note: String? = nil) {
        self.init(name, bytes: Array(text.utf8), limits: limits, id, line, column, note: note)
    }

    init(_ name: String, bytes: [UInt8], limits: YAMLLimits = YAMLLimits(), _ id: String, _ line: Int, _ column: Int,
         note: String? = nil) {
        self.name = name
        self.bytes = bytes
        self.limits = limits
        self.id = id
        self.line = line
        self.column = column
        self.note = note
    }
}

let strictnessCases: [StrictnessCase] = [
    // Syntax errors keep libyaml's context mark as a note.
    StrictnessCase("unterminated quote: error at the end, note at the opening quote",
                   "id: a\ntitle: \"abc\nx: y\n", "yaml.syntax", 4, 1, note: "2:8"),
    StrictnessCase("unclosed flow sequence (parser error)", "a: [1, 2\n", "yaml.syntax", 2, 1, note: "1:4"),
    StrictnessCase("mapping value where none is allowed (scanner error)", "a: b: c\n", "yaml.syntax", 1, 5),
    StrictnessCase("tab used for indentation", "a:\n\tb: 1\n", "yaml.syntax", 2, 1, note: "2:1"),
    StrictnessCase("duplicate key: at the second occurrence, note at the first",
                   "a: 1\nb: 2\na: 3\n", "yaml.duplicate-key", 3, 1, note: "1:1"),
    StrictnessCase("duplicate key in a nested mapping", "g:\n  k: 1\n  k: 2\n", "yaml.duplicate-key", 3, 3, note: "2:3"),
    StrictnessCase("local tag", "a: !custom x\n", "yaml.unsupported-tag", 1, 4),
    StrictnessCase("non-core global tag", "a: !!binary eA==\n", "yaml.unsupported-tag", 1, 4),
    StrictnessCase("scalar tag on a mapping", "a: !!str {b: 1}\n", "yaml.unsupported-tag", 1, 4),
    StrictnessCase("merge key", "a: &x {b: 1}\nc:\n  <<: *x\n", "yaml.merge-key", 3, 3),
    StrictnessCase("complex key", "? [a, b]\n: c\n", "yaml.complex-key", 1, 3),
    StrictnessCase("alias to no anchor", "a: *nope\n", "yaml.unknown-anchor", 1, 4),
    StrictnessCase("alias expansion over the node limit (8th alias of 11 nodes)",
                   "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
                   limits: YAMLLimits(maxNodes: 100), "yaml.too-many-nodes", 2, 36),
    StrictnessCase("nesting over the depth limit (block)", "a:\n  b:\n    c:\n      d: 1\n",
                   limits: YAMLLimits(maxDepth: 3), "yaml.too-deep", 4, 7),
    StrictnessCase("nesting over the depth limit (flow)", "[[[[1]]]]\n",
                   limits: YAMLLimits(maxDepth: 3), "yaml.too-deep", 1, 4),
    StrictnessCase("file over the size limit", "a: 1234567\n", limits: YAMLLimits(maxBytes: 10), "yaml.too-large", 1, 1),
    StrictnessCase("invalid UTF-8 lead byte", bytes: Array("a: b\nc: d".utf8) + [0xFF] + Array("e\n".utf8),
                   "yaml.invalid-utf8", 2, 5),
    StrictnessCase("invalid UTF-8 after Cyrillic (column in scalars)", bytes: Array("имя: ".utf8) + [0xC3, 0x28],
                   "yaml.invalid-utf8", 1, 6),
    StrictnessCase("overlong UTF-8", bytes: Array("a: ".utf8) + [0xC0, 0xAF], "yaml.invalid-utf8", 1, 4),
    StrictnessCase("truncated UTF-8 at the end", bytes: Array("a: ".utf8) + [0xE2, 0x82], "yaml.invalid-utf8", 1, 4),
    StrictnessCase("encoded surrogate", bytes: Array("a: ".utf8) + [0xED, 0xA0, 0x80], "yaml.invalid-utf8", 1, 4),
    StrictnessCase("NUL byte", bytes: Array("a: 1\nb: \"x".utf8) + [0] + Array("y\"\n".utf8), "yaml.nul-byte", 2, 6),
    StrictnessCase("NUL byte after a BOM", bytes: [0xEF, 0xBB, 0xBF] + Array("ab".utf8) + [0], "yaml.nul-byte", 1, 3),
    StrictnessCase("control character", "a: b\u{01}\n", "yaml.invalid-character", 1, 5),
    StrictnessCase("control character before invalid UTF-8", bytes: Array("a: b\u{01}\nc: ".utf8) + [0xFF],
                   "yaml.invalid-character", 1, 5),
    StrictnessCase("invalid UTF-8 in a comment", bytes: Array("a: 1 # é".utf8) + [0xA9], "yaml.invalid-utf8", 1, 9),
    StrictnessCase("bad continuation byte", bytes: Array("ab: ".utf8) + [0xE2, 0x28, 0xA1], "yaml.invalid-utf8", 1, 5),
    StrictnessCase("error in the second document", "a: 1\n---\nb: [\n", "yaml.syntax", 4, 1),
]

@Suite("Loader strictness")
struct StrictnessTests {
    @Test(arguments: strictnessCases)
    func reportsProblemAtItsPlace(_ fixture: StrictnessCase) {
        let result = YAMLLoader(limits: fixture.limits).load(fixture.bytes, file: "f.yaml")
        let matching = result.diagnostics.filter { $0.id == fixture.id }
        #expect(matching.count == 1, "\(result.diagnostics.compact)")
        guard let diagnostic = matching.first else { return }
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.range?.file == "f.yaml")
        #expect(diagnostic.range?.start == Diagnostics.SourceLocation(line: fixture.line, column: fixture.column))
        if let note = fixture.note {
            #expect(diagnostic.notes.map(\.compact).contains(note), "\(diagnostic.notes)")
        }
        #expect(!diagnostic.message.isEmpty)
    }

    @Test func tabIndentationNoteSaysSo() {
        let result = YAMLLoader().load("a:\n\tb: 1\n", file: "f.yaml")
        let messages = result.diagnostics.flatMap(\.notes).map(\.message)
        #expect(messages.contains { $0.contains("tabs") })
    }

    @Test func billionLaughsFailsFastWithDefaultLimits() {
        var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(refs)]\n"
        }
        let result = YAMLLoader().load(text, file: "lol.yaml")
        #expect(result.diagnostics.map(\.id) == ["yaml.too-many-nodes"])
        #expect(result.documents.isEmpty)
    }

    @Test func yaml11BooleanWhereABooleanIsExpected() throws {
        let result = YAMLLoader().load("flag: no\nother: On\n", file: "f.yaml")
        let mapping = try #require(result.documents.first?.root?.mapping)
        var reader = NodeReader(domain: "test")
        #expect(reader.bool(try #require(mapping["flag"])) == nil)
        #expect(reader.bool(try #require(mapping["other"])) == nil)
        #expect(reader.diagnostics.diagnostics.compact == ["yaml.yaml11-boolean@1:7", "yaml.yaml11-boolean@2:8"])
        #expect(reader.diagnostics.diagnostics.first?.message.contains("found 'no'") == true)
    }

    @Test func boolAcceptsOnlyCoreSpellings() throws {
        let result = YAMLLoader().load("a: true\nb: FALSE\nc: \"true\"\nd: 1\n", file: "f.yaml")
        let mapping = try #require(result.documents.first?.root?.mapping)
        var reader = NodeReader(domain: "test")
        #expect(reader.bool(try #require(mapping["a"])) == true)
        #expect(reader.bool(try #require(mapping["b"])) == false)
        #expect(reader.bool(try #require(mapping["c"])) == nil)
        #expect(reader.bool(try #require(mapping["d"])) == nil)
        #expect(reader.diagnostics.diagnostics.compact == ["test.type-mismatch@3:4", "test.type-mismatch@4:4"])
    }

    @Test func coreTagsAreAccepted() {
        let result = YAMLLoader().load("a: !!str 08\nb: !!int 5\nc: !!map {x: 1}\nd: !!seq [1]\n", file: "f.yaml")
        #expect(result.diagnostics.isEmpty)
        let a = result.documents.first?.root?.mapping?["a"]?.scalar
        #expect(a?.resolved == .string("08"))
    }
}
