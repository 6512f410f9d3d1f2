import Diagnostics
import Reporting
import Testing

@Suite struct TextReporterTests {
    @Test func rendersSortedClangStyleFindingsWithSnippetsHelpAndSummary() {
        let text = TextReporter().report(Fixtures.findings, context: Fixtures.context())
        assertSnapshot(text, named: "text.txt")
        #expect(text.hasSuffix("7 findings in 4 files: 4 errors, 2 warnings, 1 note\n"))
    }

    @Test func withoutSnippetsPrintsOnlyHeadersNotesAndHelp() {
        let text = TextReporter(showSnippets: false).report(
            Array(Fixtures.findings[3...3]), context: Fixtures.context())
        #expect(
            text == """
                Examples/measures/auto-components.yaml:8:19: error: prohibited subsidy under EAEU rules: contingent on \
                domestic goods 'in-law' [eaeu.annex28.prohibited.domestic-goods]
                  no transitional exemption is claimed
                Examples/measures/auto-components.yaml:7:1: note: the condition is declared here
                help: remove the local-content condition, or claim a listed transitional exemption
                1 finding in 4 files: 1 error, 0 warnings, 0 notes

                """)
    }

    @Test func controlCharactersCannotReachTheTerminal() {
        let finding = Finding(
            ruleID: "r", level: .warning, message: "red \u{1B}[31mtext\u{07}\r\nnext\rlast", range: nil)
        let text = TextReporter().report([finding], context: ReportContext(version: "1"))
        #expect(
            text
                == "warning: red \\u{1B}[31mtext\\u{7} [r]\n  next\n  last\n1 finding in 0 files: 0 errors, 1 warning, 0 notes\n"
        )
    }

    @Test func cleanRunSaysSo() {
        let text = TextReporter().report([], context: Fixtures.context())
        #expect(text == "no findings in 4 files\n")
    }

    @Test func outputDoesNotDependOnInputOrder() {
        let context = Fixtures.context()
        for format in ReportFormat.allCases {
            let forward = format.reporter.report(Fixtures.findings, context: context)
            let backward = format.reporter.report(Fixtures.findings.reversed(), context: context)
            #expect(forward == backward, "format \(format.rawValue)")
        }
    }

    @Test func formatsAreLookedUpByIdentifier() {
        #expect(ReportFormat(identifier: "sarif") == .sarif)
        #expect(ReportFormat(identifier: "xml") == nil)
        #expect(
            ReportFormat.allCases.map { type(of: $0.reporter).identifier } == [
                "text", "json", "sarif", "junit", "github", "markdown",
            ])
    }
}
