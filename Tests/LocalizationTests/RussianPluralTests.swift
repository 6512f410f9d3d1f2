import Localization
import Testing

@Suite("Russian plural forms")
struct RussianPluralTests {
    static let questions: [(Int, String)] = [
        (0, "0 вопросов"), (1, "1 вопрос"), (2, "2 вопроса"), (3, "3 вопроса"), (4, "4 вопроса"),
        (5, "5 вопросов"), (10, "10 вопросов"),
        // 11-14 take the "many" form although they end in 1-4.
        (11, "11 вопросов"), (12, "12 вопросов"), (13, "13 вопросов"), (14, "14 вопросов"),
        (15, "15 вопросов"), (20, "20 вопросов"), (21, "21 вопрос"), (22, "22 вопроса"), (24, "24 вопроса"),
        (25, "25 вопросов"), (100, "100 вопросов"), (101, "101 вопрос"), (102, "102 вопроса"),
        (111, "111 вопросов"), (112, "112 вопросов"), (114, "114 вопросов"), (121, "121 вопрос"),
        (1001, "1001 вопрос"), (1011, "1011 вопросов"), (1_000_000, "1000000 вопросов"),
    ]

    @Test(arguments: questions)
    func countsQuestions(_ count: Int, _ expected: String) {
        #expect(RussianNoun.question.counted(count) == expected)
    }

    @Test func feminineAndNeuterNounsTakeTheirOwnForms() {
        #expect(RussianNoun.error.counted(1) == "1 ошибка")
        #expect(RussianNoun.error.counted(3) == "3 ошибки")
        #expect(RussianNoun.error.counted(12) == "12 ошибок")
        #expect(RussianNoun.rule.counted(21) == "21 правило")
        #expect(RussianNoun.rule.counted(101) == "101 правило")
        #expect(RussianNoun.finding.counted(14) == "14 замечаний")
        #expect(RussianNoun.warning.counted(2) == "2 предупреждения")
        #expect(RussianNoun.file.counted(27) == "27 файлов")
        #expect(RussianNoun.day.counted(31) == "31 день")
    }

    @Test func theSignDoesNotChangeTheForm() {
        #expect(RussianPluralForm(count: -1) == .one)
        #expect(RussianPluralForm(count: -12) == .many)
        #expect(RussianPluralForm(count: -23) == .few)
        #expect(RussianPluralForm(count: Int.min) == RussianPluralForm(count: 8))  // ...808 ends in 08
    }
}
