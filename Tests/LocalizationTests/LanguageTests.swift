import Localization
import Testing

@Suite("Choosing the language")
struct LanguageTests {
    @Test func englishUnlessAsked() throws {
        #expect(try Language.resolve(flag: nil, environment: [:]).get() == .en)
        #expect(try Language.resolve(flag: nil, environment: ["SUBSIDY_LANG": ""]).get() == .en)
    }

    @Test func theEnvironmentSetsTheDefaultAndTheFlagWins() throws {
        #expect(try Language.resolve(flag: nil, environment: ["SUBSIDY_LANG": "ru"]).get() == .ru)
        #expect(try Language.resolve(flag: "en", environment: ["SUBSIDY_LANG": "ru"]).get() == .en)
        #expect(try Language.resolve(flag: "ru", environment: [:]).get() == .ru)
    }

    @Test func anUnknownLanguageIsAnErrorThatSaysWhereItCameFrom() {
        let fromFlag = Language.resolve(flag: "de", environment: ["SUBSIDY_LANG": "ru"])
        #expect(fromFlag == .failure(Language.Problem(value: "de", origin: "--lang")))
        let fromEnvironment = Language.resolve(flag: nil, environment: ["SUBSIDY_LANG": "RU"])
        guard case .failure(let problem) = fromEnvironment else {
            Issue.record("'RU' was accepted")
            return
        }
        #expect(problem.description == "unknown language 'RU' in SUBSIDY_LANG: expected one of en, ru")
    }
}
