public import Diagnostics
import Localization
public import Measures
public import YAMLLoader

/// Compiles rule files into a ``RuleGraph``, reporting every defect with file, line and column:
/// unknown keys and wrong types, duplicate ids, unknown references, cycles, unreachable rules,
/// unordered conflicting verdicts, inverted and overlapping date ranges, missing citations or dates.
public struct RuleCompiler {
    public var limits: YAMLLimits
    /// Whether a rule without examples is an error (the corpus requires them; engine tests may not).
    public var requireExamples: Bool

    public init(
        limits: YAMLLimits = YAMLLimits(maxBytes: 8 << 20, maxDepth: 128, maxNodes: 1_000_000),
        requireExamples: Bool = true
    ) {
        self.limits = limits
        self.requireExamples = requireExamples
    }

    /// Loads, decodes and compiles rule files given as (path, text). Returns the graph when no error
    /// was found, and every diagnostic (warnings too) either way.
    ///
    /// Documents with a top-level `vocabulary:` key declare the measure vocabulary (facts, country
    /// and currency tables); a part the files do not declare is taken from `base` (by default the
    /// vocabulary built into the binary).
    public func compile(
        _ files: [(path: String, text: String)], base: @autoclosure () -> MeasureVocabulary = MeasureVocabulary.builtIn
    ) -> (graph: RuleGraph?, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        var decoded: [RuleFile] = []
        var vocabularyDocuments: [YAMLDocument] = []
        var sources: [String: SourceText] = [:]
        let loader = YAMLLoader(limits: limits)
        // Translation catalogues (Rules/i18n/) sit among the rule files but are not rules.
        for (path, text) in files where !CatalogueFiles.isCatalogue(path) {
            sources[path] = SourceText(path: path, text: text)
            let loaded = loader.load(text, file: path)
            bag.emit(contentsOf: loaded.diagnostics)
            for document in loaded.documents {
                if VocabularyDecoder.isVocabulary(document) {
                    vocabularyDocuments.append(document)
                    continue
                }
                let (file, problems) = RuleFileDecoder.decode(document, file: path)
                bag.emit(contentsOf: problems)
                decoded.append(file)
            }
        }
        let (assembled, problems) = VocabularyDecoder.assemble(documents: vocabularyDocuments, base: base())
        bag.emit(contentsOf: problems)
        guard let vocabulary = assembled else { return (nil, bag.sorted) }
        var builder = GraphBuilder(files: decoded, sources: sources, requireExamples: requireExamples, vocabulary: vocabulary)
        let graph = builder.build()
        bag.emit(contentsOf: builder.bag.diagnostics)
        let sorted = bag.sorted
        return (bag.hasErrors ? nil : graph, sorted)
    }
}
