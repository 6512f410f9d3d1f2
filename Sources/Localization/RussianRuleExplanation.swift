/// What `explain RULE --lang ru` shows of a rule's text: the Russian title, the paraphrase marked
/// as such, the provision, and the authentic wording beside it where it was read — or a line
/// saying it was not (issue 17: "where it has not, it says so").
public struct RussianRuleExplanation: Sendable, Equatable {
    public var title: String
    /// «Изложение (не является официальным текстом): …».
    public var paraphrase: String
    /// «Положение: …», when the entry gives the provision in Russian.
    public var provision: String?
    /// «Официальный текст (…): «…» Источник: …», or «Официальный текст на русском языке не прочитан.».
    public var official: String

    /// The explanation of rule `id`, or `nil` when the catalogue has no entry for it.
    public init?(rule id: String, in catalogue: RussianCatalogue) {
        guard let rule = catalogue.rules[id] else { return nil }
        let paraphraseLabel = catalogue.phrase("paraphrase") ?? "изложение (не является официальным текстом)"
        title = rule.title
        paraphrase = Self.capitalized(paraphraseLabel) + ": " + rule.text
        provision = rule.provision.map { "Положение: " + $0 }
        switch rule.official {
        case .quoted(let quote):
            let label = Self.capitalized(catalogue.phrase("official-text") ?? "официальный текст")
            official = label + (quote.provision.map { " (\($0))" } ?? "") + ": " + quote.text + " Источник: " + quote.source
        case .notRead:
            official = Self.capitalized(catalogue.phrase("official-text-not-read") ?? "официальный текст на русском языке не прочитан") + "."
        }
    }

    /// The lines in the order shown.
    public var lines: [String] { [title, paraphrase] + (provision.map { [$0] } ?? []) + [official] }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
