import Reporting
import Testing

@Suite struct GitHubReporterTests {
    @Test func matchesGoldenFile() {
        assertSnapshot(GitHubReporter().report(Fixtures.findings, context: Fixtures.context()), named: "github.txt")
    }

    @Test func escapesPropertiesAndData() throws {
        let lines = GitHubReporter().report(Fixtures.findings, context: Fixtures.context()).split(separator: "\n")
        let line = try #require(lines.first { $0.contains("wto.scm.art2.specific") })
        #expect(
            String(line) == """
                ::warning file=drafts/Фонд поддержки.md,line=3,col=8,endLine=3,endColumn=33,\
                title=wto.scm.art2.specific%3A specific subsidy%3A title says <support> & "quotes"%2C 100%25 'sure'\u{01}\
                ::specific subsidy: title says <support> & "quotes", 100%25 'sure'\u{01}%0D%0Asecond line: a, b
                """)
    }

    @Test func everyCommandIsOneLine() {
        let text = GitHubReporter().report(Fixtures.findings, context: Fixtures.context())
        #expect(text.split(separator: "\n").count == Fixtures.findings.count)
        #expect(
            text.split(separator: "\n").allSatisfy {
                $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ")
            })
    }

    @Test func multiLineRegionsCarryNoColumns() {
        let text = GitHubReporter().report([Fixtures.findings[5]], context: Fixtures.context())
        #expect(text.hasPrefix("::notice file=Examples/measures/auto-components.yaml,line=4,endLine=6,title="))
    }

    @Test(arguments: [
        ("a%b\r\nc", "a%25b%0D%0Ac", "a%25b%0D%0Ac"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("%0A", "%250A", "%250A"),
    ])
    func escaping(raw: String, data: String, property: String) {
        #expect(GitHubReporter.escapeData(raw) == data)
        #expect(GitHubReporter.escapeProperty(raw) == property)
    }
}
