import Foundation
import Testing

/// `subsidy lint Examples/drafts --lang ru`: messages in Russian in every human-facing format,
/// compared with `Tests/LintTests/Golden/drafts.ru.<format>` (`RECORD_GOLDEN=1` rewrites them);
/// the SARIF log still valid against the SARIF 2.1.0 schema.
@Suite("lint --lang ru: the demo drafts (golden files)")
struct RussianLintGoldenTests {
    static func lint(_ format: String) throws -> LintFixtures.Run {
        try LintFixtures.subsidy(["lint", "Examples/drafts", "--as-of", "2026-11-29", "--format", format, "--lang", "ru"])
    }

    @Test("golden Russian output", arguments: ["text", "sarif", "junit", "github"])
    func golden(_ format: String) throws {
        let run = try Self.lint(format)
        #expect(run.status == 1, "the drafts hold prohibited measures: \(run.stderr)")
        let output = run.stdout.replacingOccurrences(of: "file://" + LintFixtures.root + "/", with: "file://<root>/")
        let path = LintFixtures.root + "/Tests/LintTests/Golden/drafts.ru.\(format)"
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try output.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(output == expected, "lint --lang ru --format \(format) differs from \(path); RECORD_GOLDEN=1 rewrites it")
    }

    /// Only the words change: the same rule ids, levels, locations and fingerprints as in English.
    @Test func findingsAreTheEnglishOnesWithRussianMessages() throws {
        let russian = try JSONSerialization.jsonObject(with: Data(try Self.lint("sarif").stdout.utf8)) as? [String: Any]
        let english = try JSONSerialization.jsonObject(with: Data(try LintFixtures.subsidy(
            ["lint", "Examples/drafts", "--as-of", "2026-11-29", "--format", "sarif"]).stdout.utf8)) as? [String: Any]
        func results(_ log: [String: Any]?) -> [[String: Any]] {
            ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        }
        let ru = results(russian), en = results(english)
        #expect(!ru.isEmpty)
        #expect(ru.count == en.count)
        for (r, e) in zip(ru, en) {
            #expect(r["ruleId"] as? String == e["ruleId"] as? String)
            #expect(r["level"] as? String == e["level"] as? String)
            #expect(String(describing: r["partialFingerprints"] ?? "") == String(describing: e["partialFingerprints"] ?? ""))
            let text = ((r["message"] as? [String: Any])?["text"] as? String) ?? ""
            #expect(text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "not Russian: \(text)")
            #expect(!text.contains("[lint-"), "a lint phrase missing from the catalogue: \(text)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func theRussianSARIFLogIsValidAgainstTheSchema() throws {
        let folder = try LintFixtures.temporaryFolder()
        let log = folder + "/ru.sarif"
        try Self.lint("sarif").stdout.write(toFile: log, atomically: true, encoding: .utf8)
        let schema = LintFixtures.root + "/Tests/ReportingTests/Resources/sarif-schema-2.1.0.json"
        let check = try LintFixtures.run("/usr/bin/python3", ["-c", """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("skip"); sys.exit(0)
            errors = list(jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).iter_errors(json.load(open(sys.argv[2]))))
            for e in errors: print(e.message)
            sys.exit(1 if errors else 0)
            """, schema, log])
        #expect(check.status == 0, "SARIF schema errors:\n\(check.stdout)\(check.stderr)")
    }
}
