import Diagnostics
import Foundation
import Localization
import Measures
import Testing
import TestSupport
import YAMLLoader

/// The package's own corpus, read from disk: every YAML file under `Rules/`, with its path
/// relative to the package (as the embedded corpus names it).
enum PackageCorpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let files: [(path: String, text: String)] = {
        let rules = root.appendingPathComponent("Rules")
        var out: [(path: String, text: String)] = []
        let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "yaml" || url.pathExtension == "yml" else { continue }
            let relative = "Rules/" + url.path.dropFirst(rules.path.count + 1)
            out.append((relative, (try? String(contentsOf: url, encoding: .utf8)) ?? ""))
        }
        return out.sorted { $0.path < $1.path }
    }()

    static let catalogue = CatalogueLoader().load(CatalogueFiles.files(files, language: .ru))

    /// The fact paths of the measure contract. The vocabulary is moving from Swift into
    /// `Rules/vocabulary/`; when it has, read the paths (with their places) from there instead.
    static let factPaths: [CatalogueCoverage.Item] = MeasureVocabulary.builtIn.factPaths.map { CatalogueCoverage.Item($0, at: nil) }

    /// The enumerated values of the CLI contract (Docs/cli.md v1.1) that people see in words.
    static let contractTerms: [RussianCatalogue.TermSection: [String]] = [
        .regimes: ["eaeu", "wto"],
        .categories: ["not-applicable", "out-of-scope", "not-a-subsidy", "non-specific", "non-actionable",
                      "actionable", "prohibited", "undetermined"],
        .obligationKinds: ["annual-planned", "quarterly-granted", "full", "update", "cvd-semiannual"],
        .obligationStatuses: ["due", "overdue", "conditional"],
        .submissionStatuses: ["on-time", "late", "missing", "pending"],
        .exceptionStatuses: ["applied", "not-applied", "not-in-force", "unknown"],
        .levels: ["error", "warning", "note"],
        .answers: ["true", "false", "unknown", "none", "in-law", "in-fact"],
        .phrases: ["paraphrase", "official-text", "official-text-not-read"],
    ]
}

@Suite("The Russian catalogue covers the corpus")
struct CorpusCoverageTests {
    @Test func theCatalogueFilesLoadWithoutAProblem() throws {
        #expect(PackageCorpus.catalogue.diagnostics.map { "\($0.range?.description ?? "-") \($0.id): \($0.message)" } == [])
        let catalogue = try #require(PackageCorpus.catalogue.catalogue)
        #expect(catalogue.rules.count > 100)
    }

    @Test func everyRuleTableAndCalendarOfTheCorpusHasARussianEntry() throws {
        let catalogue = try #require(PackageCorpus.catalogue.catalogue)
        let declared = CorpusDeclarations.read(PackageCorpus.files)
        #expect(declared.rules.count > 100)
        #expect(declared.titled.count == 17)  // 6 tables, 11 calendars
        let coverage = CatalogueCoverage(rules: declared.rules, titled: declared.titled)
        #expect(coverage.check(catalogue).map { "\($0.range?.description ?? "-") \($0.id): \($0.message)" } == [])
    }

    @Test func everyInstrumentFactAndContractValueHasRussianWords() throws {
        let catalogue = try #require(PackageCorpus.catalogue.catalogue)
        let declared = CorpusDeclarations.read(PackageCorpus.files)
        #expect(!declared.instruments.isEmpty)
        let coverage = CatalogueCoverage(
            facts: PackageCorpus.factPaths, instruments: declared.instruments,
            terms: PackageCorpus.contractTerms.mapValues { $0.map { CatalogueCoverage.Item($0, at: nil) } })
        #expect(coverage.check(catalogue).map { "\($0.id): \($0.message)" } == [])
    }

    @Test func everyGroundTheCorpusConcludesHasRussianWords() throws {
        let catalogue = try #require(PackageCorpus.catalogue.catalogue)
        // `then: {category: C, ground: G}` in the rule files.
        var grounds: Set<String> = []
        for (path, text) in PackageCorpus.files where !CatalogueFiles.isCatalogue(path) {
            for document in YAMLLoader().load(text, file: path).documents {
                for rule in document.root?.mapping?["rules"]?.sequence ?? [] {
                    if let ground = rule.mapping?["then"]?.mapping?["ground"]?.scalar?.value { grounds.insert(ground) }
                }
            }
        }
        #expect(!grounds.isEmpty)
        #expect(grounds.filter { catalogue.term(.grounds, $0) == nil }.sorted() == [])
    }

    @Test func everyEnglishQuestionHasARussianQuestion() throws {
        let catalogue = try #require(PackageCorpus.catalogue.catalogue)
        let asked = MeasureVocabulary.builtIn.factFields.filter { $0.field.question != nil }.map(\.path)
        #expect(asked.filter { catalogue.facts[$0]?.question == nil } == [])
    }

    @Test func everyRuleIsShownWithItsOfficialTextOrSaysItWasNotRead() throws {
        let catalogue = try #require(PackageCorpus.catalogue.catalogue)
        let quoted = catalogue.rules.filter { if case .quoted = $0.value.official { true } else { false } }
        // Only provisions whose Russian wording was read (shared/reference) carry a quote, each with its source.
        #expect(Set(quoted.keys) == ["eaeu.annex28.para1.agricultural-goods", "eaeu.annex28.para1.in-scope", "eaeu.annex28.actionable"])
        for (_, rule) in quoted {
            guard case .quoted(let quote) = rule.official else { continue }
            #expect(quote.source.hasPrefix("https://"))
        }
    }
}

@Suite("The coverage check names what is missing, where")
struct CoverageCheckTests {
    static let ruleFile = """
        rules:
          - id: eaeu.test.first
            title: First
            citation: {instrument: Test Instrument, provision: "¶1", verified: false}
          - id: eaeu.test.second
            title: Second
        """
    static let catalogueFile = """
        language: ru
        rules:
          eaeu.test.first:
            title: Первое
            text: Текст
          eaeu.test.renamed:
            title: Переименованное
            text: Текст
        """

    @Test func aRuleWithoutARussianEntryIsAnErrorAtItsIdAndAStaleEntryAWarning() throws {
        let files = [(path: "corpus/eaeu/test.yaml", text: Self.ruleFile), (path: "corpus/i18n/ru/rules.yaml", text: Self.catalogueFile)]
        let declared = CorpusDeclarations.read(files)
        #expect(declared.rules.map(\.key) == ["eaeu.test.first", "eaeu.test.second"])
        let catalogue = try #require(CatalogueLoader().load(CatalogueFiles.files(files, language: .ru)).catalogue)
        let found = declared.check(catalogue)
        #expect(found.map { "\($0.severity.rawValue) \($0.id) \($0.range?.description ?? "-")" } == [
            "error i18n.missing-instrument corpus/eaeu/test.yaml:4:28",
            "error i18n.missing-rule corpus/eaeu/test.yaml:5:9",
            "warning i18n.unknown-rule corpus/i18n/ru/rules.yaml:6:3",
        ])
        #expect(found[1].message == "rule 'eaeu.test.second' has no Russian title and text")
        #expect(found[1].notes.first?.message == "add it under 'rules:' in Rules/i18n/ru/rules.yaml")
    }

    @Test func aCalendarWithoutARussianTitleIsAnErrorAtItsId() throws {
        let files = [(path: "corpus/eaeu/cal.yaml", text: "calendars:\n  - id: eaeu.test.calendar\n    title: Due\n")]
        let declared = CorpusDeclarations.read(files)
        let found = declared.check(RussianCatalogue())
        #expect(found.map { "\($0.id) \($0.range?.description ?? "-")" } == ["i18n.missing-title corpus/eaeu/cal.yaml:2:9"])
    }

    @Test func aFactOrTermWithoutRussianIsReported() throws {
        let catalogue = try #require(CatalogueLoader().load([(path: "r/i18n/ru/f.yaml", text: "language: ru\nfacts:\n  benefit: {help: Справка}\n")]).catalogue)
        let coverage = CatalogueCoverage(
            facts: [.init("benefit", at: nil), .init("amount.value", at: nil)],
            terms: [.categories: [.init("prohibited", at: nil)]])
        #expect(coverage.check(catalogue).map(\.id).sorted() == ["i18n.missing-fact", "i18n.missing-term"])
    }
}

@Suite("Entries prepared for rules of other branches")
struct PendingEntriesTests {
    /// `Rules/i18n/ru/rules-pending.yaml.txt` holds entries for rules that branches not yet merged
    /// add; it is not loaded with the catalogue, but must be ready to move into it.
    @Test func thePendingFileIsAValidCatalogueWhileItExists() throws {
        let url = PackageCorpus.root.appendingPathComponent("Rules/i18n/ru/rules-pending.yaml.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        let result = CatalogueLoader().load([(path: "Rules/i18n/ru/rules-pending.yaml.txt", text: text)])
        #expect(result.diagnostics.map { "\($0.range?.description ?? "-") \($0.id): \($0.message)" } == [])
        let pending = try #require(result.catalogue)
        let current = try #require(PackageCorpus.catalogue.catalogue)
        #expect(Set(pending.rules.keys).isDisjoint(with: current.rules.keys))
        #expect(Set(pending.instruments.keys).isDisjoint(with: current.instruments.keys))
    }
}
