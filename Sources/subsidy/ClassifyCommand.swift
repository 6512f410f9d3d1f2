import ArgumentParser
import Diagnostics
import Driver
import Localization
import Engine
import Measures

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify measures under the EAEU and WTO subsidy rules as of a date.",
        discussion: """
            For each measure and regime: the category, the rules and citations that decided it, any \
            exemption with its end date, the questions that would decide an undetermined verdict, and \
            the notifications it owes for the periods in which it grants support. The memo (text, markdown) \
            starts with the conclusion in plain words, then gives the proof. Exit 2 when a file is invalid.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "Measure files or folders (*.yaml, *.yml, *.md).")
    var files: [String]

    @Option(name: .customLong("as-of"), help: "The date to classify on (YYYY-MM-DD; default: \(Today.help)).", transform: DateArgument.init(parsing:))
    var asOf: DateArgument?

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Flag(help: "In the memo, list one by one the provisions not in force on the date (summarised in one line otherwise).")
    var verbose = false

    @OptionGroup var rules: RulesOption

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = try lang.language()
        let (graph, catalogue) = try rules.corpus()
        let load = MeasureReader(vocabulary: graph.vocabulary).read(files)
        if !load.diagnostics.isEmpty {
            Output.error(DiagnosticRenderer(sources: load.sources).render(language.word(load.diagnostics, catalogue)))
        }
        if load.hasErrors { throw ExitCode(2) }
        let date = asOf?.date ?? Today.date
        let classifier = Classifier(graph: graph)
        let results = load.measures.map { classifier.classify($0, asOf: date) }
        let titles = Dictionary(load.measures.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let ruleTitles = Dictionary(graph.rules.map { ($0.definition.id, $0.definition.title) }, uniquingKeysWith: { a, _ in a })
        let factQuestions = Dictionary(
            graph.vocabulary.factFields.compactMap { f in f.field.question.map { (f.path, $0) } },
            uniquingKeysWith: { a, _ in a })
        func memo(_ style: ClassificationMemo.Style) -> String {
            ClassificationMemo(
                style: style, titles: titles, ruleTitles: ruleTitles, verbose: verbose,
                factQuestions: factQuestions
            ).render(results)
        }
        func russian(_ style: ClassificationMemo.Style) -> String {
            RussianMemo(style: style, catalogue: catalogue, titles: titles,
                        instruments: Dictionary(graph.rules.map { ($0.definition.id, $0.definition.citation.instrument) },
                                                uniquingKeysWith: { a, _ in a }),
                        verbose: verbose).render(results)
        }
        switch (format, language) {
        case (.json, _): print(ClassificationJSON.render(results), terminator: "")
        case (.text, .en): print(memo(.text), terminator: "")
        case (.markdown, .en): print(memo(.markdown), terminator: "")
        case (.text, .ru): print(russian(.text), terminator: "")
        case (.markdown, .ru): print(russian(.markdown), terminator: "")
        }
    }
}
