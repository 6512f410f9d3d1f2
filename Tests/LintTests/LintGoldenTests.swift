import Foundation
import Testing

/// `subsidy lint Examples/drafts` in every format, compared byte for byte with the files under
/// `Tests/LintTests/Golden/`. Set `RECORD_GOLDEN=1` to write them anew after an intended change.
@Suite("lint: the demo drafts in every format (golden files)")
struct LintGoldenTests {
    static let formats = ["text", "json", "sarif", "junit", "github"]

    @Test("golden output", arguments: formats)
    func golden(_ format: String) throws {
        let run = try LintFixtures.subsidy(["lint", "Examples/drafts", "--as-of", "2026-11-29", "--format", format])
        #expect(run.status == 1, "the drafts hold prohibited measures: \(run.stderr)")
        // SARIF names the checkout's absolute root (originalUriBaseIds): compare it as a placeholder.
        let output = run.stdout.replacingOccurrences(of: "file://" + LintFixtures.root + "/", with: "file://<root>/")
        let path = LintFixtures.root + "/Tests/LintTests/Golden/drafts.\(format)"
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try output.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(output == expected, "lint --format \(format) differs from \(path); RECORD_GOLDEN=1 rewrites it")
    }

    @Test func schedulesInALintedFolderAreReadAsSchedulesNotMeasures() throws {
        let run = try LintFixtures.subsidy(["lint", "Examples", "--as-of", "2026-11-29", "--format", "json"])
        #expect(run.status == 1, "findings, but no invalid input: \(run.stderr)")
        #expect(!run.stdout.contains("Examples/schedules/"))
    }
}
