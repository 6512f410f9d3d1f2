public import Diagnostics

/// What the corpus needs in Russian, and which of it the catalogue lacks: for `subsidy rules check`.
///
/// Every rule, fact, instrument and enumerated value with no Russian entry is an error at the
/// place that needs it (the rule's id in its rule file, the fact's declaration, ...), naming the
/// catalogue file to add it to. An entry the corpus no longer has is a warning at the entry.
public struct CatalogueCoverage: Sendable {
    /// Something the corpus declares, at the place it is declared (`nil` when it has no place in a
    /// file, e.g. a fact declared in Swift).
    public struct Item: Sendable, Equatable {
        public var key: String
        public var range: SourceRange?

        public init(_ key: String, at range: SourceRange?) {
            self.key = key
            self.range = range
        }
    }

    public var rules: [Item] = []
    /// Table and calendar ids.
    public var titled: [Item] = []
    public var facts: [Item] = []
    /// The `citation.instrument` texts of the corpus.
    public var instruments: [Item] = []
    /// Enumerated values that need Russian words, by section (placed where the value is declared,
    /// when it is declared in a file).
    public var terms: [RussianCatalogue.TermSection: [Item]] = [:]
    /// The tool's messages: English template by message key (the modules' ``MessageTable``s).
    public var messages: [String: String] = [:]

    public init(rules: [Item] = [], titled: [Item] = [], facts: [Item] = [], instruments: [Item] = [],
                terms: [RussianCatalogue.TermSection: [Item]] = [:]) {
        self.rules = rules
        self.titled = titled
        self.facts = facts
        self.instruments = instruments
        self.terms = terms
    }

    /// Where missing entries of each kind are to be added, as shown in messages.
    public static let rulesFile = "Rules/i18n/ru/rules.yaml"
    public static let factsFile = "Rules/i18n/ru/facts.yaml"
    public static let citationsFile = "Rules/i18n/ru/citations.yaml"
    public static let categoriesFile = "Rules/i18n/ru/categories.yaml"
    public static let messagesFile = "Rules/i18n/ru/messages.yaml"

    /// Every gap between the corpus and `catalogue`, in file, line, column order.
    public func check(_ catalogue: RussianCatalogue) -> [Diagnostic] {
        var bag = DiagnosticBag()
        for rule in rules where catalogue.rules[rule.key] == nil {
            bag.error("i18n.missing-rule", "rule '\(rule.key)' has no Russian title and text",
                      at: rule.range, notes: [Note("add it under 'rules:' in \(Self.rulesFile)")])
        }
        for item in titled where catalogue.titles[item.key] == nil {
            bag.error("i18n.missing-title", "table or calendar '\(item.key)' has no Russian title",
                      at: item.range, notes: [Note("add it under 'titles:' in \(Self.rulesFile)")])
        }
        for fact in facts where catalogue.facts[fact.key] == nil {
            bag.error("i18n.missing-fact", "fact '\(fact.key)' has no Russian question and help",
                      at: fact.range, notes: [Note("add it under 'facts:' in \(Self.factsFile)")])
        }
        for instrument in instruments where catalogue.instruments[instrument.key] == nil {
            bag.error("i18n.missing-instrument", "instrument '\(instrument.key)' has no Russian name",
                      at: instrument.range, notes: [Note("add it under 'instruments:' in \(Self.citationsFile)")])
        }
        for section in RussianCatalogue.TermSection.allCases {
            for value in terms[section] ?? [] where catalogue.term(section, value.key) == nil {
                bag.error("i18n.missing-term", "'\(value.key)' has no Russian words in the \(section.rawValue) section",
                          at: value.range, notes: [Note("add it under '\(section.rawValue):' in \(Self.categoriesFile)")])
            }
        }
        for key in messages.keys.sorted() {
            let english = messages[key] ?? ""
            guard let entry = catalogue.messages[key] else {
                bag.error("i18n.missing-message", "message '\(key)' has no Russian template", at: nil,
                          notes: [Note("add it under 'messages:' in \(Self.messagesFile); the English is \"\(english)\"")])
                continue
            }
            let want = Set(MessageText.placeholders(in: english)), have = Set(MessageText.placeholders(in: entry.text))
            if want != have {
                bag.error("i18n.message-arguments",
                          "the Russian template of '\(key)' must use the arguments {\(want.sorted().joined(separator: "}, {"))}, "
                          + "found {\(have.sorted().joined(separator: "}, {"))}",
                          at: entry.range, notes: [Note("the English is \"\(english)\"")])
            }
        }
        stale(catalogue.messages.mapValues(\.range), known: messages.keys.map { Item($0, at: nil) }, what: "message", into: &bag)
        stale(catalogue.rules.mapValues(\.range), known: rules, what: "rule", into: &bag)
        stale(catalogue.titles.mapValues(\.range), known: titled, what: "title", into: &bag)
        stale(catalogue.facts.mapValues(\.range), known: facts, what: "fact", into: &bag)
        return bag.sorted
    }

    /// A warning at each entry whose key the corpus does not declare (renamed or removed).
    private func stale(_ entries: [String: SourceRange], known: [Item], what: String, into bag: inout DiagnosticBag) {
        guard !known.isEmpty else { return }
        let keys = Set(known.map(\.key))
        for (key, range) in entries where !keys.contains(key) {
            bag.emit(Diagnostic(id: "i18n.unknown-\(what)", severity: .warning,
                                message: "the catalogue has a Russian entry for \(what) '\(key)', which the corpus does not declare",
                                range: range, notes: [Note("remove the entry, or rename it to the \(what)'s new id")]))
        }
    }
}
