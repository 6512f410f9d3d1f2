import Foundation
import Testing

/// `subsidy schema measure`: the generated JSON Schema accepts every example measure and agrees
/// with the loader on invalid ones. Instances are converted by the tool itself
/// (`schema measure --instance`, the loader's YAML 1.2 core-schema values), not by PyYAML (YAML 1.1:
/// `no` would become false and dates date objects).
@Suite(.serialized) struct SchemaCommandTests {
    @Test func printsTheSchema() throws {
        let run = try LintFixtures.subsidy(["schema", "measure"])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["$id"] as? String == "urn:subsidy:schema:measure:v1")
        #expect(try LintFixtures.subsidy(["schema", "rules"]).status == 2)
    }

    @Test func instanceKeepsCoreSchemaValues() throws {
        let folder = try LintFixtures.temporaryFolder()
        let file = try LintFixtures.write("a: no\nb: 2026-07-01\nc: 0x1F\nd: ~\ne: [1.5, true, \"08\"]\n", to: "x.yaml", in: folder)
        let run = try LintFixtures.subsidy(["schema", "measure", "--instance", file])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["a"] as? String == "no")
        #expect(object["b"] as? String == "2026-07-01")
        #expect(object["c"] as? Int == 31)
        #expect(object["d"] is NSNull)
        let bad = try LintFixtures.write("a: [unclosed\n", to: "bad.yaml", in: folder)
        let invalid = try LintFixtures.subsidy(["schema", "measure", "--instance", bad])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("bad.yaml:"))
    }

    @Test func unreadableInstanceNamesTheFileOnce() throws {
        let run = try LintFixtures.subsidy(["schema", "measure", "--instance", "/nonexistent/x.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "/nonexistent/x.yaml: error: cannot read the file: no such file [input.unreadable]\n")
    }

    @Test func schemaIsPrintedOnceWithOneFinalNewline() throws {
        let run = try LintFixtures.subsidy(["schema", "measure"])
        #expect(run.stdout.hasSuffix("}\n") && !run.stdout.hasSuffix("\n\n"))
        #expect(run.stdout.components(separatedBy: "\"$schema\"").count == 2)
    }

    /// Integers keep every digit (no detour through Double: 2^53 + 1 and Int.max stay exact).
    @Test func instanceIntegersKeepEveryDigit() throws {
        let folder = try LintFixtures.temporaryFolder()
        let file = try LintFixtures.write("a: 9007199254740993\nb: 9223372036854775807\nc: 1000000000000000\n", to: "i.yaml", in: folder)
        let run = try LintFixtures.subsidy(["schema", "measure", "--instance", file])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "{\n  \"a\": 9007199254740993,\n  \"b\": 9223372036854775807,\n  \"c\": 1000000000000000\n}\n")
    }

    /// The Markdown check is the loader's own: the same message, saying what is expected.
    @Test func markdownWithoutFrontMatterSaysWhatIsExpected() throws {
        let folder = try LintFixtures.temporaryFolder()
        let file = try LintFixtures.write("# Draft\n\nNo front matter.\n", to: "d.md", in: folder)
        let run = try LintFixtures.subsidy(["schema", "measure", "--instance", file])
        #expect(run.status == 2)
        #expect(run.stderr.contains("d.md:1:1: error: the Markdown draft has no YAML front matter (a first line '---', the measure, a line '---') [measure.no-front-matter]"))
    }

    /// Converts each file with the tool, then validates all of them in one Python process.
    /// Returns, per file, `ok` or the first schema error.
    func schemaVerdicts(_ files: [String]) throws -> [String] {
        let folder = try LintFixtures.temporaryFolder()
        let schema = try LintFixtures.write(try LintFixtures.subsidy(["schema", "measure"]).stdout, to: "schema.json", in: folder)
        var instances: [String] = []
        for (i, file) in files.enumerated() {
            let run = try LintFixtures.subsidy(["schema", "measure", "--instance", file])
            #expect(run.status == 0, "\(file): \(run.stderr)")
            instances.append(try LintFixtures.write(run.stdout, to: "\(i).json", in: folder))
        }
        let check = try LintFixtures.run("/usr/bin/env", ["python3", "-c", """
            import json, sys, jsonschema
            V = jsonschema.Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            V.check_schema(schema)
            validator = V(schema, format_checker=V.FORMAT_CHECKER)
            for path in sys.argv[2:]:
                data = json.load(open(path, encoding="utf-8"))
                errors = [e for doc in (data if isinstance(data, list) else [data]) for e in validator.iter_errors(doc)]
                print("ok" if not errors else "invalid: " + "/".join(map(str, errors[0].absolute_path)) + ": " + errors[0].message[:120])
            """, schema] + instances)
        #expect(check.status == 0, "\(check.stderr)")
        return check.stdout.split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: LintFixtures.hasJSONSchema, "needs python3 with jsonschema"))
    func everyExampleMeasureValidates() throws {
        let folders = [LintFixtures.root + "/Examples/measures", LintFixtures.drafts]
        let files = try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || ($0.hasSuffix(".md") && $0 != "EXPECTED.md") }
                .map { folder + "/" + $0 }
        }
        #expect(files.count >= 20)
        #expect(files.contains { $0.hasSuffix(".md") })
        let verdicts = try schemaVerdicts(files)
        #expect(verdicts.count == files.count)
        for (file, verdict) in zip(files, verdicts) { #expect(verdict == "ok", "\(file)") }
    }

    @Test(.enabled(if: LintFixtures.hasJSONSchema, "needs python3 with jsonschema"))
    func schemaAndLoaderAgreeOnInvalidFiles() throws {
        let folder = try LintFixtures.temporaryFolder()
        let valid = LintRunnerTests.autoAssembly + "\n"
        let cases: [(name: String, text: String, loaderID: String)] = [
            ("valid", valid, ""),
            ("unknown-key", valid.replacingOccurrences(of: "title:", with: "titel:"), "measure.unknown-key"),
            ("bad-enum", valid.replacingOccurrences(of: "forms: [grant]", with: "forms: [gift]"), "measure.invalid-value"),
            ("bad-date", valid.replacingOccurrences(of: "from: 2019-01-01", with: "from: 2019-02-30"), "measure.invalid-date"),
            ("bad-country", valid.replacingOccurrences(of: "member_state: KZ", with: "member_state: Kazakhstan"), "measure.invalid-value"),
            ("bad-type", valid.replacingOccurrences(of: "benefit: true", with: "benefit: 12"), "measure.type-mismatch"),
        ]
        var files: [String] = []
        for c in cases {
            #expect(c.text != valid || c.name == "valid", "\(c.name): the replacement did not apply")
            files.append(try LintFixtures.write(c.text, to: c.name + ".yaml", in: folder))
        }
        let verdicts = try schemaVerdicts(files)
        for (c, (file, verdict)) in zip(cases, zip(files, verdicts)) {
            let lint = try LintFixtures.subsidy(["lint", file, "--as-of", "2020-06-01", "--format", "json"])
            let loaderRejects = lint.stdout.contains("\"rule\": \"measure.") || lint.stdout.contains("\"rule\": \"yaml.")
            if c.name == "valid" {
                #expect(verdict == "ok")
                #expect(!loaderRejects, "\(lint.stdout)")
            } else {
                #expect(verdict.hasPrefix("invalid"), "\(c.name): the schema accepts it")
                #expect(lint.stdout.contains("\"rule\": \"\(c.loaderID)\""), "\(c.name): \(lint.stdout)")
            }
        }
    }
}
