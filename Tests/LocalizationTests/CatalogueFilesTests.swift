import Localization
import Testing

@Suite("Catalogue file paths")
struct CatalogueFilesTests {
    @Test func catalogueFilesAreTheYAMLFilesOfALanguageFolderUnderI18n() {
        #expect(CatalogueFiles.isCatalogue("Rules/i18n/ru/rules.yaml"))
        #expect(CatalogueFiles.isCatalogue("/tmp/corpus/i18n/ru/facts.yml"))
        #expect(CatalogueFiles.language(of: "Rules/i18n/ru/rules.yaml") == "ru")
        #expect(CatalogueFiles.language(of: "/tmp/corpus/i18n/kk/rules.yaml") == "kk")
    }

    @Test func ruleFilesAndOtherFilesAreNot() {
        #expect(!CatalogueFiles.isCatalogue("Rules/eaeu/annex28-prohibited.yaml"))
        #expect(!CatalogueFiles.isCatalogue("Rules/i18n/README.md"))
        #expect(!CatalogueFiles.isCatalogue("Rules/eaeu/i18n.yaml"))
        #expect(!CatalogueFiles.isCatalogue("Rules/i18n-notes/ru/rules.yaml"))
        // In the i18n folder but in no language folder: skipped by the compiler, read by no loader.
        #expect(CatalogueFiles.isCatalogue("Rules/i18n/rules.yaml"))
        #expect(CatalogueFiles.language(of: "Rules/i18n/rules.yaml") == nil)
        #expect(CatalogueFiles.language(of: "Rules/i18n/ru/old/rules.yaml") == nil)
    }

    @Test func onlyTheAskedLanguageIsSelected() {
        let files = [
            (path: "Rules/i18n/ru/rules.yaml", text: ""), (path: "Rules/eaeu/x.yaml", text: ""),
            (path: "Rules/i18n/kk/rules.yaml", text: ""), (path: "Rules/i18n/ru/facts.yaml", text: ""),
        ]
        #expect(CatalogueFiles.files(files, language: .ru).map(\.path) == ["Rules/i18n/ru/facts.yaml", "Rules/i18n/ru/rules.yaml"])
        #expect(CatalogueFiles.files(files, language: .en).isEmpty)
    }
}
