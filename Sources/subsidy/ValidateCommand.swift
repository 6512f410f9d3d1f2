import ArgumentParser
import Diagnostics
import Driver
import Foundation
import Localization
import Measures

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check measure files (YAML, or Markdown front matter) against the measure contract.",
        discussion: "Prints every problem as path:line:column. Exit 0 when every file is valid, 2 when not."
    )

    @Argument(help: "Measure files or folders (*.yaml, *.yml, *.md).")
    var paths: [String]

    @OptionGroup var rules: RulesOption

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = try lang.language()
        // The corpus declares what a measure may state (facts, codes, claimable exemptions).
        let (graph, catalogue) = try rules.corpus()
        let load = MeasureReader(vocabulary: graph.vocabulary).read(paths)
        let renderer = DiagnosticRenderer(sources: load.sources)
        FileHandle.standardError.write(Data(renderer.render(language.word(load.diagnostics, catalogue)).utf8))
        if load.hasErrors { throw ExitCode(2) }
        let files = Set(load.measures.map(\.file)).count
        switch language {
        case .en:
            let schedules = load.scheduleFiles.isEmpty ? "" : " and \(load.scheduleFiles.count) schedule file(s)"
            print("\(load.measures.count) measure(s) in \(files) file(s)\(schedules): valid")
        case .ru:
            print(RussianReportWords.valid(measures: load.measures.count, files: files,
                                           scheduleFiles: load.scheduleFiles.count, catalogue: catalogue))
        }
    }
}
