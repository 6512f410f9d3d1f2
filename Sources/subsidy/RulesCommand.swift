import ArgumentParser
import Diagnostics
import Driver
import Localization
import Foundation
import RuleCompiler

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check, test and draw the rule corpus.",
        subcommands: [Check.self, Test.self, Graph.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile the rules and report every defect with file, line and column (exit 2 on errors).")

        @OptionGroup var rules: RulesOption

        func run() throws {
            let result = RuleCorpusLoader.load(directory: rules.directory, checkCatalogue: true)
            Output.error(DiagnosticRenderer(sources: result.sources).render(result.diagnostics))
            guard let graph = result.graph else { throw ExitCode(2) }
            let warnings = result.diagnostics.filter { $0.severity == .warning }.count
            print("\(graph.rules.count) rules, \(graph.tables.count) tables, \(graph.calendars.count) calendars in \(result.fileCount) files: no errors, \(warnings) warning(s)")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the examples rule files carry and report rule coverage.",
            discussion: "Exit 1 when an example fails or coverage is below --min-coverage.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, junit }

        @OptionGroup var rules: RulesOption

        @Option(help: "Output format: text or junit.")
        var format: Format = .text

        @Option(name: .customLong("min-coverage"), help: "Least share of rules (per cent) with an example that triggers them and one that does not.")
        var minCoverage: Double = 100

        func validate() throws {
            guard minCoverage.isFinite, (0...100).contains(minCoverage) else {
                throw ValidationError("--min-coverage must be a share from 0 to 100 (per cent), not \(minCoverage.formatted())")
            }
        }

        func run() throws {
            let result = RuleCorpusLoader.load(directory: rules.directory)
            guard let graph = result.graph else {
                Output.error(DiagnosticRenderer(sources: result.sources).render(result.diagnostics))
                throw ExitCode(2)
            }
            let report = ExampleRunner(graph: graph).run()
            let passed = report.outcomes.filter(\.passed).count
            let failed = report.outcomes.count - passed
            let percent = (report.coverage * 1000).rounded() / 10
            switch format {
            case .junit:
                print(ExampleJUnit.render(report), terminator: "")
            case .text:
                Output.error(DiagnosticRenderer(sources: result.sources).render(report.failures))
                for u in report.uncovered {
                    Output.error("\(u.range.file):\(u.range.start.line):\(u.range.start.column): warning: rule '\(u.rule)' needs an example: \(u.missing) [coverage]\n")
                }
                print("rule coverage: \(percent)% (\(report.covered.count) of \(report.ruleCount) rules)")
                print("\(passed) passed, \(failed) failed")
            }
            if failed > 0 || report.coverage * 100 < minCoverage - 1e-9 { throw ExitCode(1) }
        }
    }

    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the rule graph (DOT renders with Graphviz).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case dot, mermaid, json }

        @OptionGroup var rules: RulesOption

        @Option(help: "Output format: dot, mermaid or json.")
        var format: Format = .dot

        func run() throws {
            let graph = try rules.graph()
            switch format {
            case .dot: print(GraphExport.dot(graph), terminator: "")
            case .mermaid: print(GraphExport.mermaid(graph), terminator: "")
            case .json: print(GraphExport.json(graph), terminator: "")
            }
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a rule: text, citation, dates in force, what it depends on and what depends on it.")

    @Argument(help: "A rule id, e.g. wto.scm.art3-1a.export-contingent.")
    var ruleID: String

    @OptionGroup var rules: RulesOption

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = try lang.language()
        let (graph, catalogue) = try rules.corpus()
        guard let index = graph.ruleIndex[ruleID] else {
            let hint = graph.rules.map(\.id).min { a, b in
                levenshtein(a, ruleID) < levenshtein(b, ruleID)
            }.map { CommandMessage.didYouMean(["suggestion": .text($0)]) } ?? .empty
            Output.error("error: " + language.word(CommandMessage.noRule(["id": .text(ruleID), "hint": .message(hint)]), catalogue) + "\n")
            throw ExitCode(2)
        }
        switch language {
        case .en:
            print(RuleDescription.render(index, in: graph), terminator: "")
        case .ru:
            print(RussianRuleDescription.render(index, in: graph, catalogue: catalogue), terminator: "")
        }
    }

    private func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
