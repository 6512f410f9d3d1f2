import ArgumentParser
import Diagnostics
import Driver
import Engine
import Measures

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify measures under the EAEU and WTO subsidy rules as of a date.",
        discussion: """
            For each measure and regime: the category, the rules and citations that decided it, any \
            exemption with its end date, the questions that would decide an undetermined verdict, and \
            the notifications it triggers. Exit 2 when a file is invalid.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "Measure files or folders (*.yaml, *.yml, *.md).")
    var files: [String]

    @Option(name: .customLong("as-of"), help: "The date to classify on (YYYY-MM-DD; default: \(Today.help)).", transform: DateArgument.init(parsing:))
    var asOf: DateArgument?

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @OptionGroup var rules: RulesOption

    func run() throws {
        let graph = try rules.graph()
        let load = MeasureReader(vocabulary: graph.vocabulary).read(files)
        if !load.diagnostics.isEmpty {
            Output.error(DiagnosticRenderer(sources: load.sources).render(load.diagnostics))
        }
        if load.hasErrors { throw ExitCode(2) }
        let date = asOf?.date ?? Today.date
        let classifier = Classifier(graph: graph)
        let results = load.measures.map { classifier.classify($0, asOf: date) }
        let titles = Dictionary(load.measures.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        switch format {
        case .json: print(ClassificationJSON.render(results), terminator: "")
        case .text: print(ClassificationMemo(style: .text, titles: titles).render(results), terminator: "")
        case .markdown: print(ClassificationMemo(style: .markdown, titles: titles).render(results), terminator: "")
        }
    }
}
