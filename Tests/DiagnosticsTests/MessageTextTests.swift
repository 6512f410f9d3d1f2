import Diagnostics
import Testing

@Suite("Message templates")
struct MessageTextTests {
    enum Sample: String, MessageTable {
        case unknownKey = "unknown-key"
        case what = "what"
        case hint = "hint"

        static let prefix = "sample"

        var template: String {
            switch self {
            case .unknownKey: "unknown key '{key}' in {what}{hint}"
            case .what: "the measure"
            case .hint: "; did you mean '{suggestion}'?"
            }
        }
    }

    static let message = Sample.unknownKey([
        "key": .text("benefits"), "what": .message(Sample.what()),
        "hint": .message(Sample.hint(["suggestion": .text("benefit")])),
    ])

    @Test func englishFillsTheTemplateWithNestedMessages() {
        #expect(Self.message.english == "unknown key 'benefits' in the measure; did you mean 'benefit'?")
        #expect(Self.message.key == "sample.unknown-key")
    }

    @Test func anotherLanguageWordsEveryKeyItHasAndKeepsTheEnglishOfTheRest() {
        let russian = [
            "sample.unknown-key": "неизвестный ключ «{key}» ({what}){hint}",
            "sample.what": "описание меры",
        ]
        #expect(Self.message.worded { russian[$0] } == "неизвестный ключ «benefits» (описание меры); did you mean 'benefit'?")
    }

    @Test func countsTakeTheFormsATemplateGives() {
        let message = MessageText(key: "k", template: "{n} more keys", arguments: ["n": .number(3)])
        #expect(message.english == "3 more keys")
        let worded = message.worded({ _ in "ещё {n|ключ|ключа|ключей}" }, count: { n, forms in "\(n) \(forms[n == 1 ? 0 : n < 5 ? 1 : 2])" })
        #expect(worded == "ещё 3 ключа")
    }

    @Test func aPlaceholderWithNoArgumentShowsAsWritten() {
        #expect(MessageText(key: "k", template: "a {missing} b {").english == "a {missing} b {")
        #expect(MessageText.placeholders(in: "«{value}» ({what}){count|a|b|c}") == ["value", "what", "count"])
    }

    @Test func aDiagnosticIsWordedWithItsNotes() {
        let d = Diagnostic(id: "x.y", Self.message, range: nil, notes: [Note(Sample.what()), Note("plain")])
        #expect(d.message == Self.message.english)
        let worded = d.worded { $0.worded { key in key == "sample.what" ? "описание меры" : nil } }
        #expect(worded.message == "unknown key 'benefits' in описание меры; did you mean 'benefit'?")
        #expect(worded.notes.map(\.message) == ["описание меры", "plain"])
        #expect(worded.id == d.id && worded.range == d.range)
    }

    @Test func everyCaseOfATableHasItsKey() {
        #expect(Sample.entries.map(\.key) == ["sample.unknown-key", "sample.what", "sample.hint"])
    }
}
