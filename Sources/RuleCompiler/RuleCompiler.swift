public import Diagnostics
import Localization
import Measures
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
    public func compile(_ files: [(path: String, text: String)]) -> (graph: RuleGraph?, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        var decoded: [RuleFile] = []
        var sources: [String: SourceText] = [:]
        let loader = YAMLLoader(limits: limits)
        // Translation catalogues (Rules/i18n/) sit among the rule files but are not rules.
        for (path, text) in files where !CatalogueFiles.isCatalogue(path) {
            sources[path] = SourceText(path: path, text: text)
            let loaded = loader.load(text, file: path)
            bag.emit(contentsOf: loaded.diagnostics)
            for document in loaded.documents {
                let (file, problems) = RuleFileDecoder.decode(document, file: path)
                bag.emit(contentsOf: problems)
                decoded.append(file)
            }
        }
        var builder = GraphBuilder(files: decoded, sources: sources, requireExamples: requireExamples)
        let graph = builder.build()
        bag.emit(contentsOf: builder.bag.diagnostics)
        let sorted = bag.sorted
        return (bag.hasErrors ? nil : graph, sorted)
    }
}
