import Foundation
import TestSupport
import Testing

/// `--lang ru` and `SUBSIDY_LANG` through the binary (issue 17; Docs/cli.md v1.1, "Languages").
@Suite("Russian through the binary")
struct RussianCLITests {
    /// Runs `subsidy` with `SUBSIDY_LANG` set to `language` (or unset when `nil`).
    static func run(_ arguments: [String], language: String?) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try Subsidy.executable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SUBSIDY_LANG"] = language
        process.environment = environment
        process.currentDirectoryURL = SubsidyCLI.packageRoot
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let outPath = try scratch.write("stdout", "")
        let errPath = try scratch.write("stderr", "")
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try startSerially(process)
        process.waitUntilExit()
        func text(_ path: String) -> String {
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
        }
        return (process.terminationStatus, text(outPath), text(errPath))
    }

    @Test func aRuleAddedWithoutARussianEntryFailsRulesCheckAtItsId() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let copy = try VocabularyCLITests.copyOfRules(in: dir)
        let intact = try Subsidy.run(["rules", "check", "--rules", copy])
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(intact.stderr.isEmpty, "\(intact.stderr)")

        try dir.write("rules/eaeu/annex28-appendix-kg.yaml", VocabularyCLITests.kyrgyzItem)
        let result = try Subsidy.run(["rules", "check", "--rules", copy])
        #expect(result.status == 2)
        #expect(result.stderr.contains(
            "rules/eaeu/annex28-appendix-kg.yaml:3:9: error: rule 'eaeu.annex28.appendix.KG.test-assembly' has no Russian title and text [i18n.missing-rule]"),
            "\(result.stderr)")
        #expect(result.stderr.contains("add it under 'rules:' in Rules/i18n/ru/rules.yaml"))
    }

    /// A failed date or number comparison among the exceptions considered is worded in Russian
    /// (it was kept in English: "period.contracts_concluded is 2016-02-01 (needs before 2011-07-01)").
    @Test func failedDateAndNumberTestsAreWordedInRussian() throws {
        let result = try Self.run(["classify", "Examples/measures/kz-brm-2016-new-loans.yaml",
                                   "Examples/measures/kz-research-grant-over-ceiling.yaml",
                                   "--as-of", "2026-12-02", "--format", "markdown", "--lang", "ru"], language: nil)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("period.contracts_concluded = 2016-02-01 (требуется дата ранее 1 июля 2011 г.)"), "\(result.stdout)")
        #expect(result.stdout.contains("amount.research_share = 90 (требуется не более 75)"), "\(result.stdout)")
        #expect(!result.stdout.contains("(needs "), "\(result.stdout)")
        #expect(!result.stdout.contains("does not apply"), "\(result.stdout)")
    }

    @Test func theBuiltInCorpusHasRussianForEverythingAndCountsRuleFilesOnly() throws {
        let result = try Subsidy.run(["rules", "check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: SubsidyCLI.packageRoot.appendingPathComponent("Rules").path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("i18n/") }
        #expect(result.stdout.contains("in \(files.count) files: no errors"), "\(result.stdout)")
    }

    @Test(arguments: [["classify", "Examples/measures"], ["lint", "Examples/drafts"], ["explain", "wto.scm.art3-1a.export-contingent"],
                      ["deadlines", "--member", "KZ"], ["schedule", "check", "Examples/schedules/by-2024.yaml"],
                      ["validate", "Examples/measures"]])
    func anUnknownLanguageIsExit2InEveryCommand(command: [String]) throws {
        let flag = try Self.run(command + ["--lang", "de"], language: nil)
        #expect(flag.status == 2, "\(command)")
        #expect(flag.stderr.contains("unknown language 'de' in --lang: expected one of en, ru"), "\(command): \(flag.stderr)")
        let environment = try Self.run(command, language: "kk")
        #expect(environment.status == 2, "\(command)")
        #expect(environment.stderr.contains("unknown language 'kk' in SUBSIDY_LANG: expected one of en, ru"), "\(command): \(environment.stderr)")
    }

    @Test func jsonDoesNotChangeWithTheLanguage() throws {
        let arguments = ["classify", "Examples/measures", "--as-of", "2026-06-01", "--format", "json"]
        let english = try Self.run(arguments, language: nil)
        let russian = try Self.run(arguments + ["--lang", "ru"], language: nil)
        #expect(english.status == 0)
        #expect(russian.status == english.status)
        #expect(russian.stdout == english.stdout)
    }

    @Test func explainInRussianShowsTheAuthenticWordingBesideTheParaphrase() throws {
        let quoted = try Self.run(["explain", "eaeu.annex28.para1.in-scope"], language: "ru")
        #expect(quoted.status == 0, "\(quoted.stderr)")
        #expect(quoted.stdout.contains("Изложение (не является официальным текстом): "))
        #expect(quoted.stdout.contains("Официальный текст (пункт 1 Протокола): «…единые правила"))
        #expect(quoted.stdout.contains("«Протокол о единых правилах предоставления промышленных субсидий (приложение № 28 к Договору о Евразийском экономическом союзе)»"))
        #expect(quoted.stdout.contains("Действует:     с 1 января 2015 г."))

        let unread = try Self.run(["explain", "wto.scm.art3-1a.export-contingent", "--lang", "ru"], language: "en")
        #expect(unread.stdout.contains("Субсидии, обусловленные результатами экспорта, запрещены"))
        #expect(unread.stdout.contains("Официальный текст на русском языке не прочитан."))
        #expect(unread.stdout.contains("wto.scm.art3-1a.export-contingent"))

        let english = try Self.run(["explain", "wto.scm.art3-1a.export-contingent"], language: nil)
        #expect(!english.stdout.contains("Официальный"))
    }

    @Test func deadlinesInRussianKeepTheEventsAndChangeOnlyTheWords() throws {
        let arguments = ["deadlines", "--member", "KZ", "--from", "2026-12-01"]
        let text = try Self.run(arguments + ["--lang", "ru"], language: nil)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("KZ: 8 уведомлений со сроком представления с 1 декабря 2026 г. по 30 ноября 2027 г.\n"), "\(text.stdout)")
        #expect(text.stdout.contains("за IV квартал 2026 г."))
        #expect(text.stdout.contains("за II полугодие 2026 г."))

        let russian = try Self.run(arguments + ["--format", "ics"], language: "ru")
        let english = try Self.run(arguments + ["--format", "ics"], language: nil)
        func lines(_ ics: String, _ prefix: String) -> [String] {
            ics.components(separatedBy: "\r\n").filter { $0.hasPrefix(prefix) }
        }
        #expect(lines(russian.stdout, "UID:") == lines(english.stdout, "UID:"))
        #expect(lines(russian.stdout, "DTSTART") == lines(english.stdout, "DTSTART"))
        #expect(!lines(russian.stdout, "UID:").isEmpty)
        #expect(russian.stdout.contains("X-WR-CALNAME:KZ: уведомления о субсидиях"))
        #expect(russian.stdout.contains("SUMMARY:KZ: ЕАЭС — "))
        // RFC 5545: lines folded at 75 octets, never inside a UTF-8 sequence (the text decodes whole).
        for line in russian.stdout.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        #expect(!russian.stdout.contains("\u{FFFD}"))
    }

    @Test func scheduleCheckInRussianNamesStatusesAndCountsWithTheirPlurals() throws {
        let result = try Self.run(["schedule", "check", "Examples/schedules/kz-2018-2025.yaml", "--as-of", "2025-11-15", "--lang", "ru"], language: nil)
        #expect(result.status == 1, "late and missing notifications: \(result.stderr)")
        #expect(result.stdout.hasPrefix("KZ, по состоянию на 15 ноября 2025 г.: "), "\(result.stdout)")
        #expect(result.stdout.contains("(с опозданием на 15 дней)"))
        #expect(result.stdout.contains("(с опозданием на 63 дня)"))
        #expect(result.stdout.contains("(с опозданием на 2 дня)"))
        #expect(result.stdout.contains("не представлено: 30 апреля 2020 г., ЕАЭС, ежеквартальное уведомление о предоставленных субсидиях (пункт 97 Протокола) за I квартал 2020 г."))
        #expect(result.stdout.hasSuffix("58 обязанностей: представлено в срок — 52, представлено с опозданием — 3, не представлено — 2, срок ещё не наступил — 1; 2 замечания\n"))
        let json = ["schedule", "check", "Examples/schedules/kz-2018-2025.yaml", "--as-of", "2025-11-15", "--format", "json"]
        #expect(try Self.run(json, language: "ru").stdout == (try Self.run(json, language: nil).stdout))
    }
}
