import Foundation
import Testing

/// The built `subsidy lint` binary: formats, exit codes, `--output`, config.
@Suite(.serialized) struct LintCLITests {
    let asOf = ["--as-of", "2026-11-29"]

    func lint(_ arguments: [String], in directory: String = LintFixtures.root) throws -> LintFixtures.Run {
        try LintFixtures.subsidy(["lint"] + arguments + asOf, in: directory)
    }

    /// The JSON report's findings as (rule, level, file name, line).
    func findings(_ json: String) throws -> [(rule: String, level: String, file: String, line: Int)] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let list = try #require(object?["findings"] as? [[String: Any]])
        return list.map {
            ($0["rule"] as? String ?? "", $0["level"] as? String ?? "",
             ($0["file"] as? String ?? "").split(separator: "/").last.map(String.init) ?? "", $0["line"] as? Int ?? 0)
        }
    }

    @Test func jsonReportOnDraftsHasTheKnownFindings() throws {
        let run = try lint(["Examples/drafts", "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let all = try findings(run.stdout)
        let serious = all.filter { $0.level != "note" }.map { "\($0.level) \($0.rule) \($0.file):\($0.line)" }
        // Both regimes decide every draft: the export and local-content drafts are prohibited under each.
        #expect(serious == [
            "error eaeu.annex28.prohibited.export export-grant.yaml:20",
            "error wto.scm.art3-1a.export-contingent export-grant.yaml:20",
            "error eaeu.annex28.prohibited.domestic-goods local-content-draft.md:23",
            "error wto.scm.art3-1b.domestic-goods local-content-draft.md:23",
            "warning eaeu.treaty.art93-3.subsidy regional-loans.yaml:2",
            "warning wto.scm.art1.no-benefit regional-loans.yaml:15",
        ])
        // Notification duties: EAEU (para 95, 97) and WTO (Art 25.2) for the two prohibited drafts; EAEU
        // only for the general tax cut (non-specific under the WTO); none for the undetermined loans.
        let notes = all.filter { $0.level == "note" }.map { "\($0.rule) \($0.file):\($0.line)" }
        #expect(notes == [
            "eaeu.annex28.para95 export-grant.yaml:2",
            "eaeu.annex28.para97 export-grant.yaml:2",
            "wto.scm.art25-2.full-notification export-grant.yaml:2",
            "eaeu.annex28.para95 local-content-draft.md:2",
            "eaeu.annex28.para97 local-content-draft.md:2",
            "wto.scm.art25-2.full-notification local-content-draft.md:2",
            "eaeu.annex28.para95 tax-rate-cut.yaml:2",
            "eaeu.annex28.para97 tax-rate-cut.yaml:2",
        ])
        #expect(run.stdout.contains("\"failed\": true"))
    }

    @Test func failOnSetsTheExitCode() throws {
        let notesOnly = "Examples/drafts/tax-rate-cut.yaml"
        let warning = "Examples/drafts/regional-loans.yaml"
        #expect(try lint([notesOnly]).status == 0)
        #expect(try lint([notesOnly, "--fail-on", "warning"]).status == 0)
        #expect(try lint([notesOnly, "--fail-on", "note"]).status == 1)
        #expect(try lint([warning, "--fail-on", "error"]).status == 0)
        #expect(try lint([warning, "--fail-on", "warning"]).status == 1)
        #expect(try lint(["Examples/drafts/export-grant.yaml"]).status == 1)
    }

    @Test(.enabled(if: LintFixtures.hasJSONSchema, "needs python3 with jsonschema"))
    func sarifValidatesAgainstTheOfficialSchema() throws {
        let run = try lint(["Examples/drafts", "--format", "sarif"])
        #expect(run.status == 1)
        let folder = try LintFixtures.temporaryFolder()
        let log = try LintFixtures.write(run.stdout, to: "lint.sarif", in: folder)
        let check = try LintFixtures.run("/usr/bin/env", ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(open(sys.argv[2], encoding="utf-8"))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
            for e in errors: print(list(e.absolute_path), e.message)
            results = log["runs"][0]["results"]
            rules = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
            assert all(r["ruleId"] in rules for r in results), "a result names an undeclared rule"
            assert any(r["ruleId"] == "eaeu.annex28.prohibited.export" and r["level"] == "error" for r in results)
            sys.exit(1 if errors else 0)
            """, LintFixtures.sarifSchema, log])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func outputWritesEveryRequestedFormat() throws {
        let folder = try LintFixtures.temporaryFolder()
        let run = try lint([
            "Examples/drafts", "--format", "github", "--output", "sarif=\(folder)/lint.sarif",
            "--output", "junit=\(folder)/lint.xml", "--output", "json=\(folder)/lint.json",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.contains("::error file=Examples/drafts/export-grant.yaml,line=20"))
        let sarif = try String(contentsOfFile: folder + "/lint.sarif", encoding: .utf8)
        #expect(sarif.contains("\"version\": \"2.1.0\""))
        let junit = try String(contentsOfFile: folder + "/lint.xml", encoding: .utf8)
        #expect(junit.hasPrefix("<?xml"))
        #expect(junit.contains("eaeu.annex28.prohibited.export"))
        let json = try String(contentsOfFile: folder + "/lint.json", encoding: .utf8)
        #expect(try findings(json).count == 14)
    }

    @Test func textIsTheDefaultFormat() throws {
        let run = try lint(["Examples/drafts/export-grant.yaml"])
        #expect(run.stdout.contains("export-grant.yaml:20:23: error: Prohibited under the EAEU"))
        #expect(run.stdout.contains("export-grant.yaml:20:23: error: Prohibited under the WTO"))
        #expect(run.stdout.contains("5 findings in 1 file: 2 errors, 0 warnings, 3 notes"))
    }

    @Test func badUsageAndUnreadablePathsExit2() throws {
        #expect(try lint(["Examples/drafts", "--format", "xml"]).status == 2)
        #expect(try lint(["Examples/drafts", "--fail-on", "fatal"]).status == 2)
        #expect(try lint(["Examples/drafts", "--output", "nonsense"]).status == 2)
        let missing = try lint(["Examples/no-such-file.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.yaml"))
    }

    /// Contract v1.1: an invalid draft is an `error` finding like any other (exit 1, not 2).
    @Test func invalidMeasureIsAnErrorFindingAndExits1() throws {
        let folder = try LintFixtures.temporaryFolder()
        let bad = try LintFixtures.write("id: X\ntitel: typo\n", to: "bad.yaml", in: folder)
        let run = try lint([bad, "--format", "json"])
        #expect(run.status == 1)
        #expect(try findings(run.stdout).contains { $0.rule == "measure.unknown-key" && $0.line == 2 })
    }

    @Test func configFileSetsLevelsAndFlagsOverrideIt() throws {
        let folder = try LintFixtures.temporaryFolder()
        let config = try LintFixtures.write("""
            levels:
              eaeu.annex28.prohibited.export: off
              eaeu.annex28.prohibited.domestic-goods: note
              wto.scm.art3-1a.export-contingent: off
              wto.scm.art3-1b.domestic-goods: note
            ignore: ["regional-*"]
            """, to: "lint.yml", in: folder)
        let run = try lint(["Examples/drafts", "--config", config, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let all = try findings(run.stdout)
        #expect(!all.contains { $0.rule == "eaeu.annex28.prohibited.export" || $0.rule == "wto.scm.art3-1a.export-contingent" })
        #expect(all.filter { $0.level == "note" && $0.rule.hasSuffix("domestic-goods") }.map(\.rule)
            == ["eaeu.annex28.prohibited.domestic-goods", "wto.scm.art3-1b.domestic-goods"])
        #expect(!all.contains { $0.level == "error" })
        #expect(!all.contains { $0.file == "regional-loans.yaml" })
        #expect(try lint(["Examples/drafts", "--config", config, "--fail-on", "note"]).status == 1)
    }

    @Test func configIsFoundUpwardAndBadConfigExits2() throws {
        let folder = try LintFixtures.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try LintFixtures.write("regimes: [wto]\n", to: ".subsidy.yml", in: folder)
        // Found and applied: only WTO findings remain (still failing: the two WTO prohibitions).
        let wto = try lint([LintFixtures.drafts, "--format", "json"], in: folder + "/sub")
        #expect(wto.status == 1, "\(wto.stdout)\(wto.stderr)")
        let found = try findings(wto.stdout)
        #expect(!found.isEmpty && found.allSatisfy { $0.rule.hasPrefix("wto.") })
        #expect(found.filter { $0.level == "error" }.map(\.rule)
            == ["wto.scm.art3-1a.export-contingent", "wto.scm.art3-1b.domestic-goods"])
        try LintFixtures.write("regimes: [wto]\nlevel: {}\n", to: ".subsidy.yml", in: folder)
        let bad = try lint([LintFixtures.drafts], in: folder + "/sub")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".subsidy.yml:2:1"))
        #expect(bad.stderr.contains("did you mean 'levels'"))
    }
}
