import Diagnostics
import Localization
import RuleCompiler

/// `subsidy rules check` on a corpus with a Russian catalogue (`i18n/ru/*.yaml`): every rule,
/// table, calendar, instrument, ground and fact with no Russian text is an error at its place
/// (``CatalogueCoverage``). A corpus with no Russian catalogue files is not checked (it has not
/// opted into Russian).
enum CatalogueCheck {
    static func check(files: [(path: String, text: String)], graph: RuleGraph) -> [Diagnostic] {
        let catalogueFiles = CatalogueFiles.files(files, language: .ru)
        guard !catalogueFiles.isEmpty else { return [] }
        let (catalogue, problems) = CatalogueLoader().load(catalogueFiles)
        guard let catalogue else { return problems }
        var coverage = CorpusDeclarations.read(files)
        coverage.facts = graph.vocabulary.factPaths.map { CatalogueCoverage.Item($0, at: nil) }
        var terms = ContractTerms.values.mapValues { $0.map { CatalogueCoverage.Item($0, at: nil) } }
        terms[.regimes] = Regime.allCases.map { CatalogueCoverage.Item($0.rawValue, at: nil) }
        terms[.categories] = Category.allCases.map { CatalogueCoverage.Item($0.rawValue, at: nil) }
        terms[.phrases, default: []] += (RussianMemo.phraseKeys + RussianLintWords.phraseKeys + RussianReportWords.phraseKeys).map { CatalogueCoverage.Item($0, at: nil) }
        var grounds: Set<String> = []
        for rule in graph.rules {
            guard case .verdict(_, let ground?) = rule.definition.conclusion, grounds.insert(ground).inserted else { continue }
            terms[.grounds, default: []].append(CatalogueCoverage.Item(ground, at: rule.definition.thenRange ?? rule.definition.idRange))
        }
        coverage.terms = terms
        coverage.messages = Dictionary(MessageTables.entries.map { ($0.key, $0.template) }, uniquingKeysWith: { a, _ in a })
        return problems + coverage.check(catalogue)
    }
}
