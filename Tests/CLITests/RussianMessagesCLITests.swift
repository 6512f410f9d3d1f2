import Foundation
import TestSupport
import Testing

/// Diagnostics, lint's summary line and SARIF rule metadata, `validate` and the memo's question
/// outcomes under `--lang ru`, through the binary (issue 17: "every memo phrase, finding and
/// diagnostic message the user sees has its Russian form").
@Suite("Russian messages through the binary")
struct RussianMessagesCLITests {
    /// A measure with a bad member code and a bad tri-state answer.
    static let bad = """
        id: X-1
        title: Тест
        member_state: QQ
        benefit: maybe

        """

    static func run(_ arguments: [String], language: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        try RussianCLITests.run(arguments, language: language)
    }

    @Test func lintWordsDiagnosticsNotesAndTheSummaryLineInRussian() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("bad.yaml", Self.bad)
        let result = try Self.run(["lint", path, "--lang", "ru"])
        #expect(result.status == 1)
        #expect(result.stdout.contains(
            "bad.yaml:3:15: error: «QQ» не является кодом страны ISO 3166-1 alpha-2 или EU (поле «member_state») [measure.invalid-value]"),
            "\(result.stdout)")
        #expect(result.stdout.contains("note: государства — члены ЕАЭС: AM, BY, KG, KZ, RU; коды пишутся заглавными буквами"))
        #expect(result.stdout.contains(
            "bad.yaml:4:10: error: ожидается true, false или unknown (да, нет или неизвестно) для поля «benefit», найдено: строка «maybe» [measure.type-mismatch]"),
            "\(result.stdout)")
        #expect(result.stdout.hasSuffix("2 замечания в 1 файле: 2 ошибки, 0 предупреждений, 0 примечаний\n"), "\(result.stdout)")
        for english in ["is not an ISO", "EAEU members", "expected true", "findings in"] {
            #expect(!result.stdout.contains(english), "\(english): \(result.stdout)")
        }
        // Ids, places and the English output are unchanged.
        let plain = try Self.run(["lint", path])
        #expect(plain.stdout.contains(
            "bad.yaml:3:15: error: 'QQ' is not an ISO 3166-1 alpha-2 country code or EU (for 'member_state') [measure.invalid-value]"))
        #expect(plain.stdout.hasSuffix("2 findings in 1 file: 2 errors, 0 warnings, 0 notes\n"))
    }

    @Test func theSummaryLineOfTheDraftsTakesTheRussianPlurals() throws {
        let result = try Self.run(["lint", "Examples/drafts", "--as-of", "2026-11-29"], language: "ru")
        #expect(result.stdout.hasSuffix("14 замечаний в 4 файлах: 4 ошибки, 2 предупреждения, 8 примечаний\n"), "\(result.stdout)")
    }

    @Test func validateTakesLangAndSubsidyLang() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("bad.yaml", Self.bad)
        let flag = try Self.run(["validate", path, "--lang", "ru"])
        #expect(flag.status == 2)
        #expect(flag.stderr.contains("error: «QQ» не является кодом страны ISO 3166-1 alpha-2 или EU (поле «member_state»)"), "\(flag.stderr)")
        let environment = try Self.run(["validate", path], language: "ru")
        #expect(environment.stderr == flag.stderr)
        let valid = try Self.run(["validate", "Examples/measures/kz-auto-assembly.yaml", "Examples/measures/kz-sez-exemption.yaml"], language: "ru")
        #expect(valid.status == 0, "\(valid.stderr)")
        #expect(valid.stdout == "Ошибок не найдено: 2 меры в 2 файлах\n", "\(valid.stdout)")
        let english = try Self.run(["validate", path])
        #expect(english.stderr.contains("error: 'QQ' is not an ISO 3166-1 alpha-2 country code or EU (for 'member_state')"))
        let unknown = try Self.run(["validate", path, "--lang", "de"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown language 'de' in --lang: expected one of en, ru"), "\(unknown.stderr)")
    }

    @Test func classifyAndScheduleCheckWordTheirInputErrorsInRussian() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let measure = try dir.write("bad.yaml", """
            id: X-2
            title: Тест
            member_state: KZ
            granting_body: {kind: government, level: national, name: Министерство, color: red}
            period: {from: 2020-02-30}
            goods: {hs: ["12345"]}

            """)
        let classify = try Self.run(["classify", measure, "--lang", "ru"])
        #expect(classify.status == 2)
        #expect(classify.stderr.contains("error: неизвестный ключ «color» («granting_body»)"), "\(classify.stderr)")
        #expect(classify.stderr.contains("note: допустимые ключи: "), "\(classify.stderr)")
        #expect(classify.stderr.contains("error: «2020-02-30» — несуществующая календарная дата"), "\(classify.stderr)")
        #expect(classify.stderr.contains("error: «12345» не является группой, товарной позицией или субпозицией"), "\(classify.stderr)")

        let schedule = try dir.write("schedule.yaml", """
            member_state: kz
            window: {from: 2024-01-01, until: 2023-01-01}
            submissions:
              - {regime: eaeu, kind: quarterly-granted, covers: 2024-Q5, submitted: 2024-13-01}

            """)
        let check = try Self.run(["schedule", "check", schedule, "--lang", "ru"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("error: «kz» не является кодом страны ISO 3166-1 alpha-2 или EU; возможно, имелось в виду «KZ»?"), "\(check.stderr)")
        #expect(check.stderr.contains("note: укажите две заглавные латинские буквы, например KZ"))
        #expect(check.stderr.contains("error: «until» (2023-01-01) раньше «from» (2024-01-01)"))
        #expect(check.stderr.contains("error: «2024-Q5» не является периодом"))
        #expect(check.stderr.contains("error: «2024-13-01» не является допустимой датой (ГГГГ-ММ-ДД)"))
    }

    @Test func aYAMLProblemIsWordedInRussianWithItsCountsDeclined() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("dup.yaml", "id: A\nid: B\ntitle: x\nmember_state: KZ\nbenefit: !!binary x\n")
        let result = try Self.run(["validate", path, "--lang", "ru"])
        #expect(result.stderr.contains("dup.yaml:2:1: error: повторяющийся ключ «id» [yaml.duplicate-key]"), "\(result.stderr)")
        #expect(result.stderr.contains("dup.yaml:1:1: note: впервые определён здесь"), "\(result.stderr)")
        #expect(result.stderr.contains("error: тег «!!binary» здесь недопустим"), "\(result.stderr)")
        let keys = (1...103).map { "extra_\($0): 1" }.joined(separator: "\n")
        let many = try dir.write("many.yaml", "id: A\ntitle: x\nmember_state: KZ\n\(keys)\n")
        let summary = try Self.run(["validate", many, "--lang", "ru"])
        #expect(summary.stderr.contains("error: ещё 3 неизвестных ключа (описание меры) [measure.unknown-key]"), "\(summary.stderr)")
    }

    @Test func theRussianMemoGivesEachQuestionItsOutcomes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let text = try String(contentsOf: SubsidyCLI.packageRoot.appendingPathComponent("Examples/measures/kz-auto-assembly.yaml"), encoding: .utf8)
        let path = try dir.write("kz.yaml", text.replacingOccurrences(of: "domestic_goods: in-law", with: "domestic_goods: unknown"))
        let english = try Self.run(["classify", path, "--as-of", "2016-06-01"])
        #expect(english.stdout.contains("If none: actionable, exempt through 2019-12-31 ("), "\(english.stdout)")
        let russian = try Self.run(["classify", path, "--as-of", "2016-06-01", "--lang", "ru"])
        #expect(russian.status == 0, "\(russian.stderr)")
        #expect(russian.stdout.contains(
            "(`conditions.domestic_goods`; любой ответ определяет квалификацию; wto.scm.art3-1b.domestic-goods) "
            + "При ответе «нет»: специфическая субсидия, в отношении которой могут быть приняты меры; "
            + "при ответе «юридически (условие закреплено в акте)» или «фактически»: запрещённая субсидия, действует изъятие по 31 декабря 2019 г. включительно (часть II уведомления G/TRIMS/N/1/KAZ/1"),
            "\(russian.stdout)")
        #expect(!russian.stdout.contains(" If "))
        #expect(!russian.stdout.contains("exempt through"))
    }

    @Test func theRussianMemoWordsASettledVerdictsOpenQuestions() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let text = try String(contentsOf: SubsidyCLI.packageRoot.appendingPathComponent("Examples/drafts/export-grant.yaml"), encoding: .utf8)
        // The scope stated as national: with an EAEU-wide scope the answer alone could not add the
        // domestic-goods ground (whether imports from other member states meet it is asked first, F11).
        let path = try dir.write("eg.yaml", text.replacingOccurrences(
            of: "domestic_goods: none", with: "domestic_goods: unknown\n  domestic_goods_scope: national"))
        let english = try Self.run(["classify", path, "--as-of", "2026-11-29"])
        #expect(english.stdout.contains("Settled whatever the open facts are; these could still add a ground or change the exemption:"))
        let russian = try Self.run(["classify", path, "--as-of", "2026-11-29", "--lang", "ru"])
        #expect(russian.stdout.contains("""
              Квалификация не зависит от ответов на открытые вопросы; ответы могут лишь добавить основание или изменить изъятие:
                - Обусловлена ли поддержка использованием отечественных товаров вместо импортных (юридически или фактически)? (`conditions.domestic_goods`) \
            При ответе «нет», «юридически (условие закреплено в акте)» или «фактически»: запрещённая субсидия, изъятия не применяются.
            """), "\(russian.stdout)")
        #expect(!russian.stdout.contains("Settled"))
    }

    @Test func sarifRuleMetadataIsRussianForRulesAndToolChecks() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bad = try dir.write("bad.yaml", Self.bad)
        let result = try Self.run(["lint", "Examples/drafts", bad, "--as-of", "2026-11-29", "--format", "sarif", "--lang", "ru"])
        let log = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count > 4)
        func text(_ rule: [String: Any], _ key: String) -> String { (rule[key] as? [String: Any])?["text"] as? String ?? "" }
        func cyrillic(_ s: String) -> Bool { s.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
        for rule in rules {
            let id = rule["id"] as? String ?? ""
            #expect(cyrillic(text(rule, "shortDescription")), "\(id): \(text(rule, "shortDescription"))")
            #expect(cyrillic(text(rule, "fullDescription")), "\(id)")
            #expect(cyrillic(text(rule, "help")), "\(id)")
            for english in ["Provision:", "How to comply", "Reported by", "subsidy check "] {
                #expect(!text(rule, "help").contains(english) && !text(rule, "shortDescription").contains(english), "\(id): \(english)")
            }
        }
        let check = try #require(rules.first { $0["id"] as? String == "measure.invalid-value" })
        #expect(text(check, "shortDescription") == "проверка subsidy «measure.invalid-value»")
        let prohibited = try #require(rules.first { $0["id"] as? String == "eaeu.annex28.prohibited.export" })
        #expect(text(prohibited, "help").contains("Как обеспечить соответствие: Исключите условие"), "\(text(prohibited, "help"))")
        #expect((prohibited["help"] as? [String: Any])?["markdown"] as? String != nil)
    }

    @Test func rulesCheckReportsAMessageWithNoRussianTemplateOrOtherArguments() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let copy = try VocabularyCLITests.copyOfRules(in: dir)
        let file = copy + "/i18n/ru/messages.yaml"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        let line = "  measure.not-a-day: \"«{value}» — несуществующая календарная дата\"\n"
        #expect(text.contains(line))
        text = text.replacingOccurrences(of: line, with: "")
        text = text.replacingOccurrences(of: "  yaml.duplicate-key: \"повторяющийся ключ «{key}»\"",
                                         with: "  yaml.duplicate-key: \"повторяющийся ключ «{name}»\"")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Self.run(["rules", "check", "--rules", copy])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: message 'measure.not-a-day' has no Russian template [i18n.missing-message]"), "\(result.stderr)")
        #expect(result.stderr.contains("note: add it under 'messages:' in Rules/i18n/ru/messages.yaml; the English is \"'{value}' is not a day of the calendar\""))
        let at = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("  yaml.duplicate-key:") }.map { $0 + 1 } ?? 0
        #expect(result.stderr.contains(
            "i18n/ru/messages.yaml:\(at):3: error: the Russian template of 'yaml.duplicate-key' must use the arguments {key}, found {name} [i18n.message-arguments]"),
            "\(result.stderr)")
    }

    @Test func scheduleFindingsAreWordedInRussian() throws {
        let arguments = ["schedule", "check", "Examples/schedules/kz-2018-2025.yaml", "--as-of", "2025-11-15"]
        let russian = try Self.run(arguments + ["--lang", "ru"])
        #expect(russian.stdout.contains(
            "kz-2018-2025.yaml:11:5: warning: уведомление «eaeu quarterly-granted» за 2018-Q1 от государства KZ не требовалось "
            + "(период записывается так: 2024-Q1; проверьте период, а также даты членства и вступления в силу) [schedule.unmatched]"),
            "\(russian.stdout)")
        #expect(russian.stdout.contains(
            "warning: уведомление «eaeu annual-planned» за 2026 датировано 2025-11-26, то есть позднее даты оценки 2025-11-15: не учитывается [schedule.after-as-of]"))
        let english = try Self.run(arguments)
        #expect(english.stdout.contains("warning: the eaeu annual-planned notification for 2026 is dated 2025-11-26, after the as-of date 2025-11-15: not counted"))
    }

    @Test func explainAndDeadlinesWordTheirOptionErrorsInRussian() throws {
        let explain = try Self.run(["explain", "wto.scm.art3-1a.export-contingen", "--lang", "ru"])
        #expect(explain.status == 2)
        #expect(explain.stderr == "error: правила «wto.scm.art3-1a.export-contingen» нет (возможно, имелось в виду «wto.scm.art3-1a.export-contingent»?)\n",
                "\(explain.stderr)")
        let member = try Self.run(["deadlines", "--member", "kz"], language: "ru")
        #expect(member.status == 2)
        #expect(member.stderr == "error: параметр --member: «kz» не является кодом страны ISO 3166-1 alpha-2 или EU; возможно, имелось в виду «KZ»?\n",
                "\(member.stderr)")
        let window = try Self.run(["deadlines", "--member", "KZ", "--from", "2026-01-01", "--until", "2025-01-01", "--lang", "ru"])
        #expect(window.stderr == "error: дата --until (2025-01-01) раньше даты --from (2026-01-01)\n", "\(window.stderr)")
        let english = try Self.run(["deadlines", "--member", "kz"])
        #expect(english.stderr == "error: --member: 'kz' is not an ISO 3166-1 alpha-2 country code or EU; did you mean 'KZ'?\n")
    }

    @Test func anUnreadableInputIsWordedInRussian() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let missing = dir.path + "/missing.yaml"
        let validate = try Self.run(["validate", missing, "--lang", "ru"])
        #expect(validate.status == 2)
        #expect(validate.stderr == "\(missing): error: не удаётся прочитать файл: файл не существует [input.unreadable]\n", "\(validate.stderr)")
        let lint = try Self.run(["lint", missing], language: "ru")
        #expect(lint.status == 2)
        #expect(lint.stdout.hasSuffix("не удаётся прочитать файл: файл не существует [input.unreadable]\nнет замечаний в 0 файлах; не удалось прочитать: 1 путь\n"),
                "\(lint.stdout)")
        #expect(lint.stderr.contains("error: не удаётся прочитать файл: файл не существует [input.unreadable]"), "\(lint.stderr)")
        let english = try Self.run(["lint", missing])
        #expect(english.stdout.hasSuffix("cannot read the file: no such file [input.unreadable]\nno findings in 0 files; 1 input could not be read\n"))
    }

    @Test func theMarkdownSummaryIsInRussian() throws {
        let arguments = ["lint", "Examples/drafts", "--as-of", "2026-11-29", "--format", "markdown"]
        let russian = try Self.run(arguments + ["--lang", "ru"])
        #expect(russian.stdout.hasPrefix("""
            ## subsidy lint: ❌ проверка не пройдена (порог: ошибка)

            14 замечаний в 4 файлах: 4 ошибки, 2 предупреждения, 8 примечаний

            | Файл | Ошибки | Предупреждения | Примечания |
            """), "\(russian.stdout)")
        #expect(russian.stdout.contains("| Уровень | Место | Правило | Замечание |"))
        #expect(russian.stdout.contains("| ошибка | Examples/drafts/export-grant.yaml:20 | `eaeu.annex28.prohibited.export` | Запрещённая субсидия"))
        let english = try Self.run(arguments)
        #expect(english.stdout.hasPrefix("## subsidy lint: ❌ failed (fail on error)\n\n14 findings in 4 files"))
    }
}
