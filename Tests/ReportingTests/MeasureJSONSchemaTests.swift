import Driver
import Measures
import Testing

@Suite struct MeasureJSONSchemaTests {
    /// The built-in corpus's vocabulary, with its claimable exemptions.
    static let vocabulary = RuleCorpusLoader.load(directory: nil).graph!.vocabulary

    /// The example of Docs/measure-file.md, as JSON.
    static let validMeasure = """
        {"id": "KZ-MIID-2026-014", "title": "Interest-rate subsidy for auto-component makers", "member_state": "KZ",
         "granting_body": {"kind": "government", "governmental_authority": "unknown", "level": "national",
                           "name": "Ministry of Industry and Construction"},
         "legal_basis": "Draft Government Resolution", 
         "period": {"from": "2026-07-01", "until": "2030-12-31", "contracts_concluded": "2010-05-01"},
         "goods": {"hs": ["8708", 8703, "8708.29"], "services_linked_to_goods": false},
         "forms": ["interest-subsidy"], "benefit": true,
         "eligibility": {"limited_to": ["industries"], "enterprises": [], "industries": ["motor vehicle components"],
                         "regions": [], "generally_applicable_tax_rate": "no",
                         "objective_criteria": {"neutral": "unknown", "automatic": "unknown", "strictly_adhered": "yes",
                                                "in_official_document": "unknown"},
                         "in_practice": {"limited_number_of_users": "unknown", "predominant_users": "unknown",
                                         "disproportionate_amounts": "unknown", "discretionary_granting": "unknown"}},
         "conditions": {"export_performance": "none", "export_destinations": [], "domestic_goods": "in-law",
                        "domestic_goods_scope": "national", "production_location": "none"},
         "purposes": [], "export_credit": {"oecd_arrangement": "unknown"},
         "amount": {"value": 12000000000, "currency": "KZT", "per_recipient_usd": "unknown"},
         "transitional_measures": ["eaeu.annex28.appendix.KZ.auto-assembly", "eaeu.annex28.appendix.RU.auto-assembly"]}
        """

    /// Runs `jsonschema` over the generated schema; prints one line per instance: `ok` or the errors.
    static func validate(_ instances: [String]) throws -> Python.Output {
        let schema = try Python.temporaryFile(MeasureJSONSchema.document(vocabulary: Self.vocabulary), suffix: ".json")
        let files = try instances.map { try Python.temporaryFile($0, suffix: ".json") }
        return try Python.run(
            """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            for path in sys.argv[2:]:
                errors = sorted(validator.iter_errors(json.load(open(path, encoding="utf-8"))), key=lambda e: e.json_path)
                print("ok" if not errors else " | ".join(e.json_path + ": " + e.message for e in errors))
            """, arguments: [schema] + files)
    }

    @Test(.enabled(if: Python.hasJSONSchema, "needs python3 with jsonschema ≥ 4"))
    func isAValidDraft202012SchemaThatAcceptsTheSpecExample() throws {
        let result = try Self.validate([Self.validMeasure, #"{"id": "x", "title": "t", "member_state": "EU"}"#])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "ok\nok\n")
    }

    @Test(.enabled(if: Python.hasJSONSchema, "needs python3 with jsonschema ≥ 4"))
    func rejectsUnknownKeysBadEnumsAndBadShapes() throws {
        let base = #""id": "x", "title": "t", "member_state": "KZ""#
        let result = try Self.validate([
            "{\(base), \"benfit\": true}",
            "{\(base), \"granting_body\": {\"kind\": \"ministry\"}}",
            "{\(base), \"benefit\": \"maybe\"}",
            "{\(base), \"period\": {\"from\": \"2026-13-01\"}}",
            "{\(base), \"goods\": {\"hs\": [\"870\"]}}",
            "{\(base), \"forms\": []}",
            "{\(base), \"amount\": {\"value\": -1}}",
            "{\(base), \"transitional_measures\": [\"eaeu.annex28.appendix.KZ.invented\"]}",
            "{\(base), \"export_tax_remission\": {\"exceeds_amounts_accrued\": false}, \"forms\": [\"grant\"]}",
            #"{"title": "t", "member_state": "kz"}"#,
        ])
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        try #require(lines.count == 10, "\(result.output)")
        #expect(lines[0].contains("Additional properties are not allowed ('benfit' was unexpected)"))
        #expect(lines[1].contains("$.granting_body.kind: 'ministry' is not one of"))
        #expect(lines[2].contains("$.benefit: 'maybe' is not one of"))
        #expect(lines[3].contains("$.period.from: '2026-13-01' does not match"))
        #expect(lines[4].contains("$.goods.hs[0]"))
        #expect(lines[5].contains("$.forms: [] should be non-empty"))
        #expect(lines[6].contains("$.amount.value"))
        #expect(lines[7].contains("$.transitional_measures[0]"))
        #expect(lines[8].contains("$.forms: ['grant'] does not contain items matching"))
        #expect(lines[9].contains("'id' is a required property") && lines[9].contains("'kz' is not one of"))
    }

    @Test func isDeterministicAndDescribesFactsWithTheirHelp() throws {
        let document = MeasureJSONSchema.document(vocabulary: Self.vocabulary)
        #expect(document == MeasureJSONSchema.document(vocabulary: Self.vocabulary))
        #expect(document.hasPrefix("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"$id\": "))
        #expect(document.contains("\"description\": \"The terms are more favourable than the recipient could obtain on the market.\""))
        #expect(document.contains("\"required\": [\n    \"id\",\n    \"title\",\n    \"member_state\"\n  ]"))
        for (path, field) in Self.vocabulary.factFields {
            let key = String(path.split(separator: ".").last ?? "")
            #expect(document.contains("\"\(key)\": {"), "missing \(path)")
            let help = try #require(field.help, "the vocabulary gives \(path) no help")
            #expect(document.contains("\"description\": \"\(help)\""), "no description for \(path)")
        }
    }
}
