import ArgumentParser
import Diagnostics
import Driver
import Localization
import Foundation
import Measures
import Schedules

struct DeadlinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "List the notifications a member state owes in a window, from the rules' calendars.",
        discussion: """
            Every deadline due from --from to --until (both inclusive; default: today and one year on), \
            with the rule and citation behind it. A period is owed when the member was party to the \
            regime on its first day or joined during it. --format ics writes an RFC 5545 calendar with \
            stable event UIDs (re-importing updates events instead of duplicating them). Exit 2 on bad \
            usage or an unknown member.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, ics }

    @Option(help: "The member state, an ISO 3166-1 alpha-2 code in capitals (e.g. KZ).")
    var member: String

    @Option(help: "First due date of the window (YYYY-MM-DD; default: \(Today.help)).", transform: DateArgument.init(parsing:))
    var from: DateArgument?

    @Option(help: "Last due date of the window (YYYY-MM-DD; default: one year after --from, less a day).", transform: DateArgument.init(parsing:))
    var until: DateArgument?

    @Option(help: "Output format: text, json or ics.")
    var format: Format = .text

    @Option(name: .customLong("remind-days"), help: "ics: days before the due date the reminder fires.")
    var remindDays: Int = 7

    @OptionGroup var rules: RulesOption

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        guard (0...366).contains(remindDays) else { throw ValidationError("--remind-days must be from 0 to 366") }
    }

    func run() throws {
        let language = try lang.language()
        let (graph, catalogue) = try rules.corpus()
        // The same country table as measure files (Rules/vocabulary/countries.yaml): `kz` is refused.
        if let problem = CountryCode.problemText(member, in: graph.vocabulary) {
            Output.error("error: " + language.word(CommandMessage.member(["problem": .message(problem)]), catalogue) + "\n")
            throw ExitCode(2)
        }
        let code = member
        let planner = DeadlinePlanner(graph: graph)
        guard planner.knows(member: code) else {
            let problem = Membership.unknownMember(member, in: graph)
            Output.error("error: " + language.word(CommandMessage.member(["problem": .message(problem)]), catalogue) + "\n")
            throw ExitCode(2)
        }
        let start = from?.date ?? Today.date
        let end = until?.date ?? (start.year < 9999 ? start.adding(years: 1).adding(days: -1) : start)
        guard start <= end else {
            let problem = CommandMessage.untilBeforeFrom(["until": .text("\(end)"), "from": .text("\(start)")])
            Output.error("error: " + language.word(problem, catalogue) + "\n")
            throw ExitCode(2)
        }
        let list = planner.deadlines(member: code, from: start, until: end)
        switch (format, language) {
        case (.text, .en): print(ScheduleText.deadlines(list, member: code, from: start, until: end), terminator: "")
        case (.text, .ru):
            print(RussianSchedules.deadlines(list, member: code, from: start, until: end, catalogue: catalogue), terminator: "")
        case (.json, _): print(ScheduleJSON.deadlines(list), terminator: "")
        case (.ics, _):
            var writer = ICSWriter(stamp: Self.stamp(Date()), reminderDays: remindDays)
            switch language {
            case .en: break
            case .ru: writer.words = RussianSchedules.icsWords(catalogue)
            }
            let text = writer.write(list, member: code)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// `DTSTAMP` for `date`: UTC, `YYYYMMDDTHHMMSSZ` (ISO 8601's basic format).
    static func stamp(_ date: Date) -> String {
        date.formatted(.iso8601.dateSeparator(.omitted).timeSeparator(.omitted))
    }
}
