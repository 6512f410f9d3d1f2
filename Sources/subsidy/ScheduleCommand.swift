import ArgumentParser
import Diagnostics
import Driver
import Foundation
import Schedules
import YAMLLoader

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Check submitted notifications against what was due.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a schedule file (Docs/schedule-file.md): on-time, late, missing and pending notifications.",
            discussion: """
                Exit 1 when a notification is late or missing or left out a listed measure; exit 2 when \
                the schedule file is invalid (every problem with file:line:column).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The schedule file (YAML).")
        var file: String

        @Option(name: .customLong("as-of"), help: "The date to check on (YYYY-MM-DD; default: \(Today.help)).", transform: DateArgument.init(parsing:))
        var asOf: DateArgument?

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @OptionGroup var rules: RulesOption

        @OptionGroup var lang: LanguageOption

        func run() throws {
            let language = try lang.language()
            let (graph, catalogue) = try rules.corpus()
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(file, limit: YAMLLimits.default.maxBytes)
            } catch {
                Output.error("\(error)\n")
                throw ExitCode(2)
            }
            let (schedule, diagnostics) = ScheduleSource.load(
                bytes: bytes, path: file, decoder: ScheduleFileDecoder(calendarsOf: graph))
            let sources = [file: SourceText(path: file, text: String(decoding: bytes, as: UTF8.self))]
            var problems = diagnostics
            if let schedule, !Membership.isKnown(schedule.memberState, in: graph) {
                problems.append(Diagnostic(id: "schedule.unknown-member",
                    Membership.unknownMember(schedule.memberState, in: graph),
                    range: schedule.memberRange))
            }
            if !problems.isEmpty { Output.error(DiagnosticRenderer(sources: sources).render(language.word(problems, catalogue))) }
            guard let schedule, !problems.contains(where: { $0.severity == .error }) else { throw ExitCode(2) }
            let report = ScheduleChecker(graph: graph).check(schedule, asOf: asOf?.date ?? Today.date)
            switch (format, language) {
            case (.text, .en): print(ScheduleText.report(report), terminator: "")
            case (.text, .ru): print(RussianSchedules.report(report, catalogue: catalogue), terminator: "")
            case (.json, _): print(ScheduleJSON.report(report), terminator: "")
            }
            if report.hasFailures { throw ExitCode(1) }
        }
    }
}
