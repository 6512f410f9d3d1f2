import Localization
import Testing

@Suite("explain --lang ru: paraphrase and authentic text")
struct RussianRuleExplanationTests {
    @Test func aRuleWhoseOfficialTextWasReadShowsItBesideTheParaphrase() throws {
        let catalogue = try #require(PackageCorpus.catalogue.catalogue)
        let shown = try #require(RussianRuleExplanation(rule: "eaeu.annex28.actionable", in: catalogue))
        #expect(shown.paraphrase.hasPrefix("Изложение (не является официальным текстом): Специфическая субсидия"))
        #expect(shown.official.hasPrefix("Официальный текст (пункт 86 Протокола (начало)): «В случае если компетентный орган"))
        #expect(shown.official.contains("Источник: https://mo.bobrodobro.ru/hcvNTwOkHdOaa"))
        #expect(shown.lines.count == 4)
    }

    @Test func aRuleWhoseOfficialTextWasNotReadSaysSo() throws {
        let catalogue = try #require(PackageCorpus.catalogue.catalogue)
        let shown = try #require(RussianRuleExplanation(rule: "eaeu.annex28.prohibited.export", in: catalogue))
        #expect(shown.title == "Субсидии, обусловленные экспортом в другие государства-члены, запрещены")
        #expect(shown.official == "Официальный текст на русском языке не прочитан.")
        #expect(shown.provision?.hasPrefix("Положение: разделы II–IV Протокола") == true)
    }

    @Test func aRuleWithNoEntryHasNoExplanation() throws {
        let catalogue = try #require(PackageCorpus.catalogue.catalogue)
        #expect(RussianRuleExplanation(rule: "eaeu.no.such.rule", in: catalogue) == nil)
    }
}
