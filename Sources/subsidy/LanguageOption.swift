import ArgumentParser
import Driver
import Foundation
import Localization
import Diagnostics
import RuleCompiler

/// `--lang en|ru`: the language of what people read (memo, findings, titles, questions). JSON keys,
/// enumerated values and rule ids never change with it. `SUBSIDY_LANG` sets the default.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of the text output: en or ru (default: $SUBSIDY_LANG, else en).")
    var flag: String?

    /// The language asked for; a bad value exits 2 naming where it came from.
    func language() throws -> Language {
        switch Language.resolve(flag: flag, environment: ProcessInfo.processInfo.environment) {
        case .success(let language):
            return language
        case .failure(let problem):
            Output.error("error: \(problem.description)\n")
            throw ExitCode(2)
        }
    }
}

extension Language {
    /// `text` as this language words it.
    func word(_ text: MessageText, _ catalogue: RussianCatalogue) -> String {
        switch self {
        case .en: text.english
        case .ru: catalogue.word(text)
        }
    }

    /// `diagnostics` as this language words them (English: unchanged).
    func word(_ diagnostics: [Diagnostic], _ catalogue: RussianCatalogue) -> [Diagnostic] {
        switch self {
        case .en: diagnostics
        case .ru: catalogue.word(diagnostics)
        }
    }
}

extension RulesOption {
    /// The compiled rules and the corpus's Russian catalogue; prints the diagnostics and exits 2
    /// when they do not compile.
    func corpus() throws -> (graph: RuleGraph, catalogue: RussianCatalogue) {
        let result = RuleCorpusLoader.load(directory: directory)
        guard let graph = result.graph else {
            Output.error(DiagnosticRenderer(sources: result.sources).render(result.diagnostics))
            throw ExitCode(2)
        }
        return (graph, result.catalogue)
    }
}
