import Diagnostics
import Localization
import Testing

@Suite("Russian message templates")
struct RussianMessagesTests {
    func load(_ text: String) -> (RussianCatalogue?, [Diagnostic]) {
        let result = CatalogueLoader().load([(path: "Rules/i18n/ru/messages.yaml", text: text)])
        return (result.catalogue, result.diagnostics)
    }

    @Test func templatesAreReadAndWordMessagesWithRussianPlurals() throws {
        let (catalogue, diagnostics) = load("""
            language: ru
            messages:
              t.more: "ещё {count|неизвестный ключ|неизвестных ключа|неизвестных ключей} ({what})"
              t.what: "описание меры"
              t.group: "«{path}»"

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let c = try #require(catalogue)
        func more(_ n: Int) -> MessageText {
            MessageText(key: "t.more", template: "{count} more unknown keys in {what}",
                        arguments: ["count": .number(n), "what": .message(MessageText(key: "t.what", template: "the measure"))])
        }
        #expect(c.word(more(1)) == "ещё 1 неизвестный ключ (описание меры)")
        #expect(c.word(more(3)) == "ещё 3 неизвестных ключа (описание меры)")
        #expect(c.word(more(11)) == "ещё 11 неизвестных ключей (описание меры)")
        #expect(more(3).english == "3 more unknown keys in the measure")
        #expect(c.word(MessageText(key: "t.group", template: "'{path}'", arguments: ["path": .text("period")])) == "«period»")
    }

    @Test func anEnglishTemplateLeftInPlaceIsAnError() {
        let (catalogue, diagnostics) = load("""
            language: ru
            messages:
              t.english: "the file holds no measure"

            """)
        #expect(catalogue == nil)
        #expect(diagnostics.map(\.id) == ["i18n.not-russian"])
        #expect(diagnostics.first?.range?.start.line == 3)
    }

    @Test func coverageNamesAMissingTemplateAndOneWithOtherArguments() throws {
        let (catalogue, _) = load("""
            language: ru
            messages:
              t.a: "«{value}» — не дата"

            """)
        var coverage = CatalogueCoverage()
        coverage.messages = ["t.a": "'{value}' is not a day of {calendar}", "t.b": "the file holds no measure"]
        let problems = coverage.check(try #require(catalogue))
        #expect(problems.map(\.id).sorted() == ["i18n.message-arguments", "i18n.missing-message"])
        #expect(problems.first { $0.id == "i18n.message-arguments" }?.range?.start.line == 3)
    }
}
