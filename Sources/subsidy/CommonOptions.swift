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

    /// A `--rules` value that is not a folder: "no such folder", "is a file, not a folder".
    func validate() throws {
        guard let directory else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
            throw ValidationError("--rules \(directory): no such folder")
        }
        if !isFolder.boolValue { throw ValidationError("--rules \(directory): is a file, not a folder of rule files") }
    }

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

/// Today's date in the machine's time zone (`TZ`), the default `--as-of` (``LocalToday``).
enum Today {
    /// How help texts name the default.
    static let help = LocalToday.help

    static var date: CalendarDate { LocalToday.date() }
}

/// A `YYYY-MM-DD` command-line argument, validated (2026-02-30 is refused).
///
/// Declare options with `transform: DateArgument.init(parsing:)` so that a refused value says
/// why ("the day does not exist: February 2024 has 29 days").
struct DateArgument: ExpressibleByArgument {
    let date: CalendarDate

    init?(argument: String) {
        guard let date = CalendarDate(argument) else { return nil }
        self.date = date
    }

    /// Parses `text`, or throws an error that says what is wrong with it.
    init(parsing text: String) throws {
        if let date = CalendarDate(text) {
            self.date = date
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), Int(parts[2]) != nil else {
            throw ValidationError("expected a date YYYY-MM-DD, e.g. 2026-11-29")
        }
        guard (1...9999).contains(year) else { throw ValidationError("the year must be from 0001 to 9999") }
        guard (1...12).contains(month) else { throw ValidationError("the month \(parts[1]) does not exist (01 to 12)") }
        let days = CalendarDate.daysIn(month: month, year: year)
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        throw ValidationError("the day does not exist: \(names[month - 1]) \(year) has \(days) days")
    }
}
