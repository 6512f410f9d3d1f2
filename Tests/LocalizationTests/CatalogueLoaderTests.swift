import Diagnostics
import Localization
import Testing
import TestSupport

@Suite("Loading the Russian catalogue")
struct CatalogueLoaderTests {
    static let path = "Rules/i18n/ru/rules.yaml"

    func load(_ text: String, path: String = path) -> (RussianCatalogue?, [Diagnostic]) {
        let result = CatalogueLoader().load([(path: path, text: text)])
        return (result.catalogue, result.diagnostics)
    }

    @Test func readsRulesWithAndWithoutTheOfficialText() throws {
        let (catalogue, diagnostics) = load("""
            language: ru
            rules:
              eaeu.a:
                title: Заголовок
                text: >
                  Изложение
                  в две строки.
                provision: пункт 1 Протокола
                quote:
                  text: «…единые правила…»
                  source: https://example.org/annex28
              eaeu.b:
                title: Второе правило
                text: &shared Общий текст
              eaeu.c:
                title: Третье правило
                text: *shared
            """)
        #expect(diagnostics.isEmpty)
        let rules = try #require(catalogue).rules
        #expect(rules["eaeu.a"]?.text == "Изложение в две строки.")
        #expect(rules["eaeu.a"]?.provision == "пункт 1 Протокола")
        #expect(rules["eaeu.a"]?.official == .quoted(.init(text: "«…единые правила…»", source: "https://example.org/annex28", provision: nil)))
        #expect(rules["eaeu.b"]?.official == .notRead)
        #expect(rules["eaeu.c"]?.text == "Общий текст")
        #expect(rules["eaeu.c"]?.range.description == "\(Self.path):15:3")
    }

    @Test func anUnknownKeyIsLocatedWithADidYouMean() throws {
        let (catalogue, diagnostics) = load("""
            language: ru
            rules:
              eaeu.a:
                title: Заголовок
                text: Текст
                titel: Лишнее
            """)
        #expect(catalogue == nil)
        #expect(diagnostics.compact == ["i18n.unknown-key@6:5"])
        let d = try #require(diagnostics.first)
        #expect(d.range?.description == "\(Self.path):6:5")
        #expect(d.message.contains("'titel'"))
        #expect(d.message.contains("did you mean 'title'"))
    }

    @Test func aMissingTitleIsReportedAtTheEntry() {
        let (catalogue, diagnostics) = load("""
            language: ru
            rules:
              eaeu.a:
                text: Текст
            """)
        #expect(catalogue == nil)
        #expect(diagnostics.compact == ["i18n.missing-key@4:5"])
        #expect(diagnostics.first?.message == "the entry needs the key 'title'")
    }

    @Test func englishLeftInPlaceOfRussianIsAnError() {
        let (_, diagnostics) = load("""
            language: ru
            rules:
              eaeu.a:
                title: Grant to exporters
                text: Текст
            """)
        #expect(diagnostics.compact == ["i18n.not-russian@4:12"])
        #expect(diagnostics.first?.message == "expected Russian text for the rule's Russian title, found 'Grant to exporters'")
    }

    @Test func anEmptyTextIsAnError() {
        let (_, diagnostics) = load("""
            language: ru
            rules:
              eaeu.a:
                title: Заголовок
                text: "   "
            """)
        #expect(diagnostics.compact == ["i18n.empty-text@5:11"])
    }

    @Test func aQuoteNeedsItsSource() {
        let (catalogue, diagnostics) = load("""
            language: ru
            rules:
              eaeu.a:
                title: Заголовок
                text: Текст
                quote:
                  text: «Цитата»
            """)
        #expect(catalogue == nil)
        #expect(diagnostics.compact == ["i18n.missing-key@7:7"])
        #expect(diagnostics.first?.message == "a quote of the official Russian text needs the key 'source'")
    }

    @Test func theLanguageMustBeRussianAndPresent() {
        #expect(load("language: en\nrules: {}\n").1.compact == ["i18n.invalid-value@1:11"])
        #expect(load("rules: {}\n").1.compact == ["i18n.missing-key@1:1"])
        #expect(load("").1.compact == ["i18n.missing-key@1:1"])
    }

    @Test func anEntryGivenInTwoFilesIsReportedAtTheSecondWithTheFirst() throws {
        let entry = "language: ru\nrules:\n  eaeu.a:\n    title: Заголовок\n    text: Текст\n"
        let result = CatalogueLoader().load([(path: "Rules/i18n/ru/a.yaml", text: entry), (path: "Rules/i18n/ru/b.yaml", text: entry)])
        #expect(result.catalogue == nil)
        let d = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(d.id == "i18n.duplicate-entry")
        #expect(d.range?.description == "Rules/i18n/ru/b.yaml:3:3")
        #expect(d.notes.first?.range?.description == "Rules/i18n/ru/a.yaml:3:3")
    }

    @Test func yamlProblemsComeFromTheProjectsStrictLoader() {
        let duplicate = load("language: ru\nrules:\n  eaeu.a: {title: А, text: Б}\n  eaeu.a: {title: В, text: Г}\n")
        #expect(duplicate.0 == nil)
        #expect(duplicate.1.compact == ["yaml.duplicate-key@4:3"])
        let broken = load("language: ru\nrules: [\n")
        #expect(broken.0 == nil)
        #expect(broken.1.first?.id == "yaml.syntax")
        #expect(broken.1.first?.range?.file == Self.path)
        let twoDocuments = load("language: ru\n---\nlanguage: ru\n")
        #expect(twoDocuments.1.compact == ["i18n.several-documents@2:1"])
    }

    @Test func termsAndFactsAndInstrumentsAreRead() throws {
        let (catalogue, diagnostics) = load("""
            language: ru
            categories:
              prohibited: запрещённая субсидия
            facts:
              benefit:
                question: Выгодны ли условия?
                help: Справка.
            instruments:
              "SCM Agreement":
                ru: Соглашение по субсидиям и компенсационным мерам
                official_name: true
            provision_terms:
              "Art.": статья
            """, path: "Rules/i18n/ru/other.yaml")
        #expect(diagnostics.isEmpty)
        let c = try #require(catalogue)
        #expect(c.term(.categories, "prohibited") == "запрещённая субсидия")
        #expect(c.facts["benefit"]?.question == "Выгодны ли условия?")
        #expect(c.instruments["SCM Agreement"]?.officialName == true)
        #expect(c.provisionTerms["Art."]?.text == "статья")
    }
}

@Suite("Memo phrases")
struct PhraseTests {
    @Test func placeholdersAreFilledAndAMissingValueShows() throws {
        let text = """
            language: ru
            phrases:
              memo-file-as-of: "Файл: {file}. По состоянию на {date}"
            """
        let catalogue = try #require(CatalogueLoader().load([(path: "r/i18n/ru/c.yaml", text: text)]).catalogue)
        #expect(catalogue.phrase("memo-file-as-of", ["file": "a.yaml", "date": "1 июля 2016 г."])
                == "Файл: a.yaml. По состоянию на 1 июля 2016 г.")
        #expect(catalogue.phrase("memo-file-as-of", ["file": "{date}"]) == "Файл: {date}. По состоянию на {date}")
        #expect(catalogue.phrase("no-such-phrase") == nil)
    }

    /// A Russian date ends with «г.», so a phrase that ends with the date adds no period of its own.
    @Test func aSentenceEndingWithADateHasOnePeriod() throws {
        let catalogue = try #require(PackageCorpus.catalogue.catalogue)
        let date = try #require(RussianDate.format(iso: "2026-11-29"))
        #expect(catalogue.phrase("memo-file-as-of", ["file": "Examples/measures/a.yaml", "date": date])
                == "Файл: Examples/measures/a.yaml. По состоянию на 29 ноября 2026 г.")
        #expect(catalogue.phrase("official-text-not-read") == "официальный текст на русском языке не прочитан")
    }
}
