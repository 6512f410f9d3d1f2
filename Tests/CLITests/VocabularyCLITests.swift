import Foundation
import TestSupport
import Testing

/// The measure vocabulary lives in the rule corpus (`Rules/vocabulary/`): member codes, claimable
/// exemptions and value checks are the corpus's, the same in every command.
@Suite("Vocabulary from the corpus, through the binary")
struct VocabularyCLITests {
    /// The package's `Rules/` folder.
    static let rules = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules").path

    static func measure(member: String = "KG", claims: String = "[]", extra: String = "") -> String {
        """
        id: KG-TEST-1
        title: Local-content support for assembly
        member_state: \(member)
        granting_body: {kind: government, level: national}
        period: {from: 2016-01-01}
        goods: {hs: ["8703"]}
        forms: [customs-duty-exemption]
        benefit: true
        eligibility: {limited_to: [industries], industries: [motor vehicles]}
        conditions: {export_performance: none, domestic_goods: in-law, domestic_goods_scope: national, production_location: none}
        transitional_measures: \(claims)
        \(extra)
        """
    }

    static let kyrgyzItem = """
        # A Kyrgyz Appendix item added in a copy of the corpus (test data, not law).
        rules:
          - id: eaeu.annex28.appendix.KG.test-assembly
            title: "Kyrgyzstan: a test transitional item for the assembly of motor vehicles"
            regime: eaeu
            citation: {instrument: "Treaty on the EAEU, Annex 28, Appendix", provision: "test item", verified: false}
            in_force: {from: 2015-08-12}
            text: "Test data: the Protocol does not apply to this Kyrgyz measure until 1 January 2020."
            when:
              all:
                - {fact: member_state, is: KG}
                - {fact: transitional_measures, contains: eaeu.annex28.appendix.KG.test-assembly}
            then:
              exemption: {until: 2020-01-01}
              suspends: [eaeu.annex28.prohibited.domestic-goods]
            locate: transitional_measures
            examples:
              - name: claimed by Kyrgyzstan
                as_of: 2016-06-01
                extends: kz-manufacturing-grant
                measure: {member_state: KG, forms: [customs-duty-exemption], conditions: {domestic_goods: in-law, domestic_goods_scope: national}, transitional_measures: [eaeu.annex28.appendix.KG.test-assembly]}
                expect: {triggers: true, category: prohibited, exemption: eaeu.annex28.appendix.KG.test-assembly}
              - name: not claimed
                as_of: 2016-06-01
                extends: kz-manufacturing-grant
                measure: {member_state: KG, forms: [customs-duty-exemption], conditions: {domestic_goods: in-law, domestic_goods_scope: national}}
                expect: {triggers: false, exemption: none}

        """

    /// Copies `Rules/` into `dir/rules` and returns its path.
    static func copyOfRules(in dir: TemporaryDirectory) throws -> String {
        let copy = dir.path + "/rules"
        try FileManager.default.copyItem(atPath: rules, toPath: copy)
        return copy
    }

    @Test func aKyrgyzItemAddedInACopyOfTheRulesIsClaimableWithNoSwiftChange() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let copy = try Self.copyOfRules(in: dir)
        try dir.write("rules/eaeu/annex28-appendix-kg.yaml", Self.kyrgyzItem)
        let path = try dir.write("kg.yaml", Self.measure(claims: "[eaeu.annex28.appendix.KG.test-assembly]"))

        // The built-in corpus does not declare the item: an error at the item, with "did you mean".
        let builtIn = try Subsidy.run(["validate", path])
        #expect(builtIn.status == 2)
        #expect(builtIn.stderr.contains("kg.yaml:11:25: error: 'eaeu.annex28.appendix.KG.test-assembly' is not an exemption the rules declare claimable"),
                "\(builtIn.stderr)")
        #expect(builtIn.stderr.contains("[measure.unknown-transitional-measure]"))

        // The copy declares it: the measure validates, and the EAEU verdict names the exemption.
        let valid = try Subsidy.run(["validate", "--rules", copy, path])
        #expect(valid.status == 0, "\(valid.stderr)")
        let classified = try Subsidy.run(["classify", "--rules", copy, "--as-of", "2016-06-01", "--format", "json", path])
        #expect(classified.status == 0, "\(classified.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(classified.stdout.utf8)) as? [String: Any])
        let verdicts = try #require(json["verdicts"] as? [[String: Any]])
        let eaeu = try #require(verdicts.first { $0["regime"] as? String == "eaeu" })
        #expect(eaeu["category"] as? String == "prohibited")
        let exemption = try #require(eaeu["exemption"] as? [String: Any], "\(classified.stdout)")
        #expect(exemption["rule"] as? String == "eaeu.annex28.appendix.KG.test-assembly")
        #expect(exemption["until"] as? String == "2020-01-01")

        // The schema of the copy lists it; its examples pass.
        let schema = try Subsidy.run(["schema", "measure", "--rules", copy])
        #expect(schema.stdout.contains("\"eaeu.annex28.appendix.KG.test-assembly\""))
        let examples = try Subsidy.run(["rules", "test", "--rules", copy])
        #expect(examples.status == 0, "\(examples.stdout)\(examples.stderr)")
    }

    @Test func aMisspelledClaimGetsDidYouMean() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("m.yaml", Self.measure(member: "KZ", claims: "[eaeu.annex28.appendix.KZ.auto-asembly]"))
        let result = try Subsidy.run(["validate", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean 'eaeu.annex28.appendix.KZ.auto-assembly'?"), "\(result.stderr)")
    }

    @Test(arguments: [("QQ", ""), ("kz", "; did you mean 'KZ'?")])
    func anUnknownMemberCodeIsAnErrorAtItsLocationInEveryCommand(code: String, hint: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("m.yaml", Self.measure(member: code))
        let message = "m.yaml:3:15: error: '\(code)' is not an ISO 3166-1 alpha-2 country code or EU\(hint) (for 'member_state') [measure.invalid-value]"
        for command in [["validate"], ["classify"], ["lint", "--format", "text"]] {
            let result = try Subsidy.run(command + ["m.yaml"], in: dir.path)
            #expect(result.status != 0, "\(command)")
            #expect((result.stdout + result.stderr).contains(message) || (result.stdout + result.stderr).contains(
                "m.yaml:3:15: error: '\(code)' is not an ISO 3166-1 alpha-2 country code or EU\(hint) (for 'member_state')"),
                "\(command): \(result.stdout)\(result.stderr)")
        }
        let deadlines = try Subsidy.run(["deadlines", "--member", code])
        #expect(deadlines.status == 2)
        #expect(deadlines.stderr == "error: --member: '\(code)' is not an ISO 3166-1 alpha-2 country code or EU\(hint)\n")
        _ = path
    }

    @Test func exportDestinationsAreCountryCodesAnyOrEAEU() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("ok.yaml", Self.measure(member: "KZ").replacingOccurrences(
            of: "export_performance: none,", with: "export_performance: in-law, export_destinations: [RU, CN, EAEU, any],"))
        #expect(try Subsidy.run(["validate", "ok.yaml"], in: dir.path).status == 0)
        try dir.write("bad.yaml", Self.measure(member: "KZ").replacingOccurrences(
            of: "export_performance: none,", with: "export_performance: in-law, export_destinations: [Russia],"))
        let bad = try Subsidy.run(["validate", "bad.yaml"], in: dir.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.yaml:10:64: error: 'Russia' is not an ISO 3166-1 alpha-2 country code or EU (or any, EAEU) (for 'conditions.export_destinations')"),
                "\(bad.stderr)")
    }
}

@Suite("explain --help")
struct ExplainHelpTests {
    /// The example id `explain --help` gives names a rule of the built-in corpus.
    @Test func theHelpExampleIDExists() throws {
        let help = try Subsidy.run(["explain", "--help"])
        let text = help.stdout + help.stderr
        let marker = try #require(text.range(of: "e.g. "), "\(text)")
        let id = String(text[marker.upperBound...].prefix { !$0.isWhitespace }).trimmingCharacters(in: CharacterSet(charactersIn: ".,)"))
        #expect(id.hasPrefix("wto.") || id.hasPrefix("eaeu."), "\(id)")
        let explained = try Subsidy.run(["explain", id])
        #expect(explained.status == 0, "\(id): \(explained.stderr)")
        #expect(explained.stdout.contains(id))
    }
}
