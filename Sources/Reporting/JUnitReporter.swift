internal import Diagnostics

/// JUnit XML: a `<testsuite>` per checked file and a `<testcase>` per finding (a clean file
/// gets one passing test case). Findings at or above the context's `failOn` level are
/// `<failure>`s; those below pass with their text in `<system-out>`.
public struct JUnitReporter: Reporter {
    /// `junit`.
    public static let identifier = "junit"

    /// The name of a clean file's single test case.
    public static let cleanCaseName = "no findings"

    /// Creates a JUnit reporter.
    public init() {}

    /// The XML document, ending in a newline.
    public func report(_ findings: [Finding], context: ReportContext) -> String {
        let sorted = findings.sortedForReport()
        var byFile: [String: [Finding]] = [:]
        for finding in sorted { byFile[finding.file ?? "", default: []].append(finding) }
        let files = Set(context.checkedFiles).union(byFile.keys).sorted()
        let renderer = DiagnosticRenderer(sources: context.sources)

        var suites = ""
        var totalTests = 0
        var totalFailures = 0
        for file in files {
            let fileFindings = byFile[file] ?? []
            let failures = fileFindings.count { $0.level >= context.failOn }
            let tests = max(fileFindings.count, 1)
            totalTests += tests
            totalFailures += failures
            let suiteName = file.isEmpty ? context.toolName : file
            suites +=
                "  <testsuite name=\"\(XMLEscaping.attribute(suiteName))\" tests=\"\(tests)\""
                + " failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            if fileFindings.isEmpty {
                suites +=
                    "    <testcase classname=\"\(XMLEscaping.attribute(suiteName))\""
                    + " name=\"\(Self.cleanCaseName)\"/>\n"
            }
            for finding in fileFindings {
                suites += testCase(finding, suiteName: suiteName, renderer: renderer, failOn: context.failOn)
            }
            suites += "  </testsuite>\n"
        }

        // Inputs that could not be read: one suite, an <error> per input.
        let unread = context.inputErrors.sortedForReport()
        if !unread.isEmpty {
            totalTests += unread.count
            suites +=
                "  <testsuite name=\"inputs\" tests=\"\(unread.count)\" failures=\"0\" errors=\"\(unread.count)\" skipped=\"0\">\n"
            for error in unread {
                let path = error.file ?? ""
                suites +=
                    "    <testcase classname=\"inputs\" name=\"\(XMLEscaping.attribute(path))\">\n"
                    + "      <error type=\"\(XMLEscaping.attribute(error.ruleID))\" message=\"\(XMLEscaping.attribute(error.headline))\">"
                    + XMLEscaping.text(TextReporter.render(error, renderer: renderer)) + "</error>\n"
                    + "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"\(XMLEscaping.attribute(context.toolName + " lint"))\" tests=\"\(totalTests)\""
            + " failures=\"\(totalFailures)\" errors=\"\(unread.count)\">\n"
        out += suites
        out += "</testsuites>\n"
        return out
    }

    private func testCase(_ finding: Finding, suiteName: String, renderer: DiagnosticRenderer, failOn: Severity)
        -> String
    {
        var name = finding.ruleID
        if let region = finding.region { name += " at \(region.start.line):\(region.start.column)" }
        let body = TextReporter.render(finding, renderer: renderer)
        var out =
            "    <testcase classname=\"\(XMLEscaping.attribute(suiteName))\" name=\"\(XMLEscaping.attribute(name))\">\n"
        if finding.level >= failOn {
            out +=
                "      <failure type=\"\(finding.level.rawValue)\" message=\"\(XMLEscaping.attribute(finding.headline))\">"
            out += XMLEscaping.text(body) + "</failure>\n"
        } else {
            out += "      <system-out>" + XMLEscaping.text(body) + "</system-out>\n"
        }
        out += "    </testcase>\n"
        return out
    }
}
