import Foundation
import Reporting
import Testing

@Suite struct SARIFReporterTests {
    let sarif = SARIFReporter().report(Fixtures.findings, context: Fixtures.context())

    @Test func matchesGoldenFile() {
        assertSnapshot(sarif, named: "report.sarif")
    }

    @Test(.enabled(if: Python.hasJSONSchema, "needs python3 with jsonschema ≥ 4"))
    func validatesAgainstTheOfficialSARIFSchema() throws {
        let schema = try #require(Python.resource("sarif-schema-2.1.0.json"), "schema copied into Resources")
        let log = try Python.temporaryFile(sarif, suffix: ".sarif")
        let result = try Python.run(
            """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(open(sys.argv[2], encoding="utf-8"))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
            for e in errors: print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """, arguments: [schema, log])
        #expect(result.status == 0, "SARIF schema errors:\n\(result.output)")
    }

    /// The check above is only worth something if it can fail.
    @Test(.enabled(if: Python.hasJSONSchema, "needs python3 with jsonschema ≥ 4"))
    func schemaCheckRejectsABrokenLog() throws {
        let schema = try #require(Python.resource("sarif-schema-2.1.0.json"))
        let broken = sarif.replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\"")
        let log = try Python.temporaryFile(broken, suffix: ".sarif")
        let result = try Python.run(
            """
            import json, sys, jsonschema
            errors = list(jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).iter_errors(json.load(open(sys.argv[2]))))
            print(len(errors))
            """, arguments: [schema, log])
        #expect(result.status == 0)
        #expect((Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0, "\(result.output)")
    }

    /// The properties GitHub code scanning needs (docs: sarif-support-for-code-scanning).
    @Test(.enabled(if: Python.hasJSONSchema, "needs python3"))
    func hasEverythingGitHubCodeScanningReads() throws {
        let log = try Python.temporaryFile(sarif, suffix: ".sarif")
        let result = try Python.run(
            """
            import json, sys
            log = json.load(open(sys.argv[1], encoding="utf-8"))
            assert log["version"] == "2.1.0" and log["$schema"].startswith("https://"), "header"
            assert len(log["runs"]) == 1, "one run"
            run = log["runs"][0]
            assert run["columnKind"] == "unicodeCodePoints"
            assert run["automationDetails"]["id"] == "subsidy/lint/"
            assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///repo/"
            driver = run["tool"]["driver"]
            assert driver["name"] == "subsidy" and driver["semanticVersion"] == "0.1.0"
            rules = driver["rules"]
            ids = [r["id"] for r in rules]
            assert ids == sorted(set(r["ruleId"] for r in run["results"])), ids
            for r in rules:
                for key in ("name", "shortDescription", "fullDescription", "help", "defaultConfiguration", "properties"):
                    assert key in r, (r["id"], key)
                assert r["help"]["text"] and r["help"]["markdown"], r["id"]
                assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
                assert isinstance(r["properties"]["tags"], list) and len(r["properties"]["tags"]) <= 20
            assert len(run["results"]) == 6, len(run["results"])
            for res in run["results"]:
                assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
                assert res["message"]["text"]
                loc = res["locations"][0]["physicalLocation"]
                uri = loc["artifactLocation"]["uri"]
                assert not uri.startswith("/") and "://" not in uri, uri
                assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
                region = loc["region"]
                assert all(region[k] >= 1 for k in ("startLine", "startColumn", "endLine", "endColumn")), region
                assert res["partialFingerprints"]["primaryLocationLineHash"]
            notes = run["invocations"][0]["toolExecutionNotifications"]
            assert [n["descriptor"]["id"] for n in notes] == ["input.unreadable"], notes
            print("ok")
            """, arguments: [log])
        #expect(result.status == 0 && result.output == "ok\n", "\(result.output)")
    }

    @Test func urisAreRepositoryRelativeAndPercentEncoded() {
        #expect(
            sarif.contains(
                "\"uri\": \"drafts/%D0%A4%D0%BE%D0%BD%D0%B4%20%D0%BF%D0%BE%D0%B4%D0%B4%D0%B5%D1%80%D0%B6%D0%BA%D0%B8.md\""
            ))
        #expect(!sarif.contains("\"uri\": \"/repo"))
    }

    @Test func absolutePathsUnderTheRootBecomeRelative() {
        var finding = Fixtures.findings[2]
        finding.range?.file = "/repo/./Examples/../Examples/measures/auto-components.yaml"
        let text = SARIFReporter().report([finding], context: Fixtures.context())
        #expect(
            compact(text).contains("\"uri\": \"Examples/measures/auto-components.yaml\",\"uriBaseId\": \"%SRCROOT%\""))
    }

    @Test func messageTitleIsTheVerdictSentence() {
        // help and placeless notes follow the verdict, which gets a full stop so GitHub titles it alone.
        #expect(
            sarif.contains(
                "\"text\": \"undetermined under WTO rules: 'benefit' is unknown.\\nnote: question: Are the terms more favourable than the market?\""
            ))
    }

    @Test func multiLineMessagesEndTheirVerdictWithAFullStop() {
        #expect(
            sarif.contains(
                "\"text\": \"prohibited subsidy under EAEU rules: contingent on domestic goods 'in-law'.\\n"
                    + "no transitional exemption is claimed\\nhelp: remove the local-content condition"))
    }

    @Test func notesWithAPlaceBecomeRelatedLocations() {
        #expect(
            compact(sarif).contains(
                "\"relatedLocations\": [{\"id\": 1,\"message\": {\"text\": \"the condition is declared here\"},"))
    }
}
