import ArgumentParser
import Diagnostics
import Driver
import Foundation
import Measures
import RuleCompiler

/// `--rules DIR`: replaces the built-in rule corpus.
struct RulesOption: ParsableArguments {
    @Option(name: .customLong("rules"), help: "Use the rule files under DIR instead of the built-in corpus.")
    var directory: String?

    /// Compiles the rules; prints the diagnostics and exits 2 when they do not compile.
    func graph() throws -> RuleGraph {
        let result = RuleCorpusLoader.load(directory: directory)
        guard let graph = result.graph else {
            Output.error(DiagnosticRenderer(sources: result.sources).render(result.diagnostics))
            throw ExitCode(2)
        }
        return graph
    }
}

/// Writes to standard output and standard error.
enum Output {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Today's date (UTC), the default `--as-of`.
enum Today {
    static var date: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// A `YYYY-MM-DD` command-line argument, validated (2026-02-30 is refused).
struct DateArgument: ExpressibleByArgument {
    let date: CalendarDate

    init?(argument: String) {
        guard let date = CalendarDate(argument) else { return nil }
        self.date = date
    }
}
