import Diagnostics
@testable import Driver
import Testing

/// `subsidy rules test --format junit`: attribute values and element content are each escaped
/// for where they stand.
@Suite struct ExampleJUnitTests {
    @Test func failureTextIsElementContentAndItsMessageAnAttribute() {
        let failure = Diagnostic(
            id: "example.failed", message: "expected \"prohibited\", got 'actionable'\n\tsee <rule> & notes",
            range: SourceRange(file: "rules/a.yaml", at: SourceLocation(line: 3, column: 5)))
        let report = ExampleRunner.Report(
            outcomes: [
                ExampleRunner.Outcome(rule: "r.\"one\"", example: "a & b", file: "rules/a.yaml", passed: false,
                                      failure: failure, triggers: nil),
                ExampleRunner.Outcome(rule: "r.two", example: "ok", file: "rules/a.yaml", passed: true,
                                      failure: nil, triggers: nil),
            ],
            covered: [], uncovered: [], ruleCount: 2)
        let xml = ExampleJUnit.render(report)
        #expect(xml.contains("<testcase classname=\"r.&quot;one&quot;\" name=\"a &amp; b\">"))
        #expect(xml.contains(
            "<failure message=\"expected &quot;prohibited&quot;, got &apos;actionable&apos;&#10;&#9;see &lt;rule&gt; &amp; notes\">"))
        // Element content keeps quotes, tabs and line breaks as they are.
        #expect(xml.contains(
            ">rules/a.yaml:3:5: expected \"prohibited\", got 'actionable'\n\tsee &lt;rule&gt; &amp; notes</failure>"))
        #expect(xml.contains("<testcase classname=\"r.two\" name=\"ok\"/>"))
    }
}
