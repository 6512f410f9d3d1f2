import RuleCompiler
import Testing

/// Translation catalogues live among the rule files (`Rules/i18n/<language>/*.yaml`) and are
/// embedded with them, but are not rule files: the compiler must not decode them as rules.
@Suite("Catalogue files in the corpus")
struct CatalogueFilesAreNotRulesTests {
    static let rule = """
        rules:
          - id: test.skip.catalogue
            title: A rule
            regime: eaeu
            citation: {instrument: Test, provision: "¶1", verified: false}
            in_force: {from: 2015-01-01}
            text: Says nothing.
            when: {fact: benefit, is: true}
        """
    static let catalogue = """
        language: ru
        rules:
          test.skip.catalogue:
            title: Правило
            text: Ничего не говорит.
        """

    @Test func theCompilerSkipsTheI18nFolder() {
        let compiler = RuleCompiler(requireExamples: false)
        let alone = compiler.compile([(path: "Rules/test/rule.yaml", text: Self.rule)])
        let withCatalogue = compiler.compile([
            (path: "Rules/test/rule.yaml", text: Self.rule), (path: "Rules/i18n/ru/rules.yaml", text: Self.catalogue),
        ])
        #expect(alone.diagnostics.filter { $0.severity == .error }.map(\.id) == [])
        #expect(withCatalogue.diagnostics.map(\.id) == alone.diagnostics.map(\.id))
        #expect(withCatalogue.graph?.rules.count == 1)
    }

    @Test func aCatalogueOutsideAnI18nFolderIsStillReadAsARuleFile() {
        let result = RuleCompiler(requireExamples: false).compile([(path: "Rules/eaeu/ru.yaml", text: Self.catalogue)])
        #expect(result.graph == nil)
        #expect(result.diagnostics.map(\.id).contains("rule.unknown-key"))
    }
}
