import Diagnostics
import Driver
import Foundation
import Measures
import Testing

/// `.subsidy.yml`: strict reading, located errors, discovery upward.
@Suite struct LintConfigTests {
    func parse(_ text: String) -> (LintConfig?, [Diagnostic]) {
        LintConfig.parse(bytes: Array(text.utf8), path: ".subsidy.yml")
    }

    @Test func readsEveryKey() throws {
        let (config, diagnostics) = parse("""
            as_of: 2026-11-29
            regimes: [eaeu]
            levels:
              eaeu.annex28.para97: off
              eaeu.annex28.prohibited.export: warning
            ignore: [Examples/measures, "*.old.md"]
            """)
        #expect(diagnostics.isEmpty)
        let c = try #require(config)
        #expect(c.asOf == CalendarDate("2026-11-29"))
        #expect(c.regimes == [.eaeu])
        #expect(c.levels == ["eaeu.annex28.para97": .off, "eaeu.annex28.prohibited.export": .warning])
        #expect(c.ignore == ["Examples/measures", "*.old.md"])
    }

    @Test func emptyFileIsTheDefault() {
        let (config, diagnostics) = parse("")
        #expect(config == LintConfig())
        #expect(diagnostics.isEmpty)
    }

    @Test func unknownKeyIsLocatedWithASuggestion() throws {
        let (config, diagnostics) = parse("regimes: [eaeu]\nasof: 2026-01-01\n")
        #expect(config == nil)
        let d = try #require(diagnostics.first)
        #expect(d.id == "config.unknown-key")
        #expect(d.message.contains("did you mean 'as_of'"))
        #expect(d.range?.start == SourceLocation(line: 2, column: 1))
    }

    @Test func badValuesAreErrors() {
        let (config, diagnostics) = parse("""
            as_of: 2026-02-30
            regimes: [eaeu, wta]
            levels: {x: fatal}
            """)
        #expect(config == nil)
        #expect(Set(diagnostics.map(\.id)) == ["config.invalid-date", "config.invalid-value"])
        #expect(diagnostics.count == 3)
        #expect(diagnostics.contains { $0.message.contains("did you mean 'wto'") })
    }

    @Test func unreadableOrSecondDocumentIsALocatedError() throws {
        let (config, diagnostics, _) = LintConfig.load(path: "/nonexistent/.subsidy.yml")
        #expect(config == nil)
        #expect(diagnostics.map(\.id) == ["config.unreadable"])
        #expect(DiagnosticRenderer().render(diagnostics)
            == "/nonexistent/.subsidy.yml: error: cannot read the config file: no such file [config.unreadable]\n")
        let (second, problems) = parse("regimes: [wto]\n---\nregimes: [eaeu]\n")
        #expect(second == nil)
        #expect(problems.map(\.id) == ["config.several-documents"])
        #expect(problems.first?.range?.start == SourceLocation(line: 2, column: 1))
    }

    /// Read and loaded with the same 1 MiB limit: a larger file is refused at line 1, never read
    /// cut short (its last keys silently lost).
    @Test func configOverOneMebibyteIsRefusedNotTruncated() throws {
        let folder = try LintFixtures.temporaryFolder()
        let line = "# " + String(repeating: "x", count: 1021) + "\n"
        let path = try LintFixtures.write(String(repeating: line, count: 1100) + "regimes: [wto]\n", to: "big.yml", in: folder)
        let (config, diagnostics, _) = LintConfig.load(path: path)
        #expect(config == nil)
        #expect(diagnostics.map(\.id) == ["yaml.too-large"])
        #expect(diagnostics.first?.range?.start == SourceLocation(line: 1, column: 1))
    }

    @Test func invalidYAMLIsAnError() {
        let (config, diagnostics) = parse("levels: [unclosed\n")
        #expect(config == nil)
        #expect(!diagnostics.isEmpty)
    }

    @Test func isFoundUpwardFromTheWorkingDirectory() throws {
        let folder = try LintFixtures.temporaryFolder()
        let nested = folder + "/a/b"
        try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
        let path = try LintFixtures.write("regimes: [wto]\n", to: ".subsidy.yml", in: folder)
        let found = try #require(LintConfig.find(from: nested))
        #expect(URL(fileURLWithPath: found).resolvingSymlinksInPath().path
            == URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    }
}

/// Rule ids in `levels` the corpus does not know are warned about, with a suggestion.
@Suite struct LintConfigRuleIDTests {
    @Test func unknownRuleIDIsAWarningWithASuggestion() throws {
        let (config, _) = LintConfig.parse(
            bytes: Array("levels:\n  eaeu.annex28.para9: off\n  measure.unknown-key: warning\n".utf8), path: "c.yml")
        let warnings = try #require(config).unknownRuleWarnings(ruleIDs: ["eaeu.annex28.para95", "eaeu.annex28.para97"])
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains("did you mean 'eaeu.annex28.para9") == true)
        #expect(warnings.first?.range?.start == SourceLocation(line: 2, column: 3))
    }
}
