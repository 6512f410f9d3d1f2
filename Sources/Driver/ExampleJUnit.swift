import Reporting
/// `subsidy rules test --format junit`: one test suite per rule file, one test case per example.
public enum ExampleJUnit {
    public static func render(_ report: ExampleRunner.Report) -> String {
        let byFile = Dictionary(grouping: report.outcomes, by: \.file)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failures = report.outcomes.filter { !$0.passed }.count
        out += "<testsuites name=\"subsidy rules test\" tests=\"\(report.outcomes.count)\" failures=\"\(failures)\">\n"
        for file in byFile.keys.sorted() {
            let cases = byFile[file]!
            out += "  <testsuite name=\"\(XMLEscaping.attribute(file))\" tests=\"\(cases.count)\" failures=\"\(cases.filter { !$0.passed }.count)\">\n"
            for c in cases {
                out += "    <testcase classname=\"\(XMLEscaping.attribute(c.rule))\" name=\"\(XMLEscaping.attribute(c.example))\""
                if let failure = c.failure {
                    let at = failure.range.map { "\($0.file):\($0.start.line):\($0.start.column)" } ?? file
                    out += ">\n      <failure message=\"\(XMLEscaping.attribute(failure.message))\">"
                    out += XMLEscaping.text(at + ": " + failure.message) + "</failure>\n    </testcase>\n"
                } else {
                    out += "/>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}
