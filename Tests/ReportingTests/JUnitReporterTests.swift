import Reporting
import Testing

@Suite struct JUnitReporterTests {
    @Test func matchesGoldenFile() {
        assertSnapshot(JUnitReporter().report(Fixtures.findings, context: Fixtures.context()), named: "junit.xml")
    }

    @Test(.enabled(if: Python.hasJSONSchema, "needs python3"))
    func isWellFormedAndKeepsMessagesIntact() throws {
        let xml = JUnitReporter().report(Fixtures.findings, context: Fixtures.context())
        let path = try Python.temporaryFile(xml, suffix: ".xml")
        let result = try Python.run(
            """
            import sys, json, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            out = {"tests": root.get("tests"), "failures": root.get("failures"),
                   "suites": [s.get("name") for s in root.findall("testsuite")],
                   "messages": [f.get("message") for f in root.iter("failure")],
                   "outs": [o.text for o in root.iter("system-out")]}
            print(json.dumps(out, ensure_ascii=False))
            """, arguments: [path])
        #expect(result.status == 0, "\(result.output)")
        let output = result.output
        #expect(output.contains("\"tests\": \"8\", \"failures\": \"6\""))
        #expect(
            output.contains(
                "\"suites\": [\"subsidy\", \"Examples/broken.yaml\", \"Examples/clean.yaml\", "
                    + "\"Examples/measures/auto-components.yaml\", \"drafts/Фонд поддержки.md\"]"))
        // The attribute keeps quotes, <>&; the control character is shown as \u{1}.
        #expect(output.contains(#""specific subsidy: title says <support> & \"quotes\", 100% 'sure'\\u{1}""#))
        // Below --fail-on (warning) the notification is a passing test case with its text in system-out.
        #expect(
            output.contains("notification duty: quarterly list of subsidies granted by 'Министерство промышленности'"))
    }

    @Test func thresholdDecidesWhatFails() {
        let errorsOnly = JUnitReporter().report(Fixtures.findings, context: Fixtures.context(failOn: .error))
        #expect(errorsOnly.contains("<testsuites name=\"subsidy lint\" tests=\"8\" failures=\"4\" errors=\"0\">"))
        let all = JUnitReporter().report(Fixtures.findings, context: Fixtures.context(failOn: .note))
        #expect(all.contains("<testsuites name=\"subsidy lint\" tests=\"8\" failures=\"7\" errors=\"0\">"))
    }

    @Test func cleanFileIsOnePassingTestCase() {
        let xml = JUnitReporter().report([], context: Fixtures.context())
        #expect(
            xml.contains(
                """
                  <testsuite name="Examples/clean.yaml" tests="1" failures="0" errors="0" skipped="0">
                    <testcase classname="Examples/clean.yaml" name="no findings"/>
                  </testsuite>
                """))
    }
}
