import Foundation
import Reporting
import Testing

@Suite struct JSONReporterTests {
    @Test func matchesGoldenFile() {
        assertSnapshot(JSONReporter().report(Fixtures.findings, context: Fixtures.context()), named: "report.json")
    }

    @Test func isValidJSONThatRoundTripsEveryMessage() throws {
        let text = JSONReporter().report(Fixtures.findings, context: Fixtures.context())
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        let messages = findings.compactMap { $0["message"] as? String }
        #expect(Set(messages) == Set(Fixtures.findings.map(\.message)))
        #expect(findings.map { $0["rule"] as? String } == Fixtures.findings.sortedForReport().map(\.ruleID))
        let summary = try #require(object?["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 4)
        #expect(summary["failed"] as? Bool == true)
    }

    @Test func keysComeInContractOrder() {
        let text = JSONReporter().report([Fixtures.findings[4]], context: Fixtures.context())
        let keys = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("      \""), let end = line.dropFirst(7).firstIndex(of: "\"") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 7)..<end])
        }
        #expect(
            keys == ["rule", "level", "message", "file", "line", "column", "end_line", "end_column", "help", "notes"])
    }

    @Test func multiLineBlockEndingAtColumnOneIsPulledBackToThePreviousLine() {
        let text = JSONReporter().report([Fixtures.findings[5]], context: Fixtures.context())
        // granting_body spans lines 4–6; its node ends at 7:1. Line 6 has 35 scalars.
        #expect(text.contains("\"end_line\": 6,\n      \"end_column\": 36,"))
    }
}
