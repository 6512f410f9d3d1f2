import Diagnostics
import YAMLLoader

/// Decodes catalogue documents into one ``RussianCatalogue``, remembering where each entry was
/// first given so that a second one is reported with both places.
struct CatalogueDecoder {
    var reader = NodeReader(domain: "i18n")
    var catalogue = RussianCatalogue()
    /// `section/key` → where it was first given, across every file read.
    private var firstGiven: [String: SourceRange] = [:]

    static let sectionKeys = ["rules", "titles", "instruments", "provision_terms", "facts", "messages"]
    static let topKeys = ["language"] + sectionKeys + RussianCatalogue.TermSection.allCases.map(\.rawValue)

    mutating func decode(_ documents: [YAMLDocument], file: String) {
        if documents.count > 1 {
            reader.diagnostics.error(
                "i18n.several-documents", "a catalogue file must hold one YAML document, found \(documents.count)",
                at: documents[1].range,
                notes: [Note("a line '---' starts a new document; remove it or move the rest into the first document")])
            return
        }
        guard let root = documents.first?.root, !reader.isNull(root) else {
            reader.diagnostics.error(
                "i18n.missing-key", "a catalogue file needs the key 'language'",
                at: documents.first?.range ?? SourceRange(file: file, at: SourceLocation(line: 1, column: 1)))
            return
        }
        guard let top = reader.mapping(root, known: Self.topKeys, what: "a catalogue file") else { return }
        if let node = reader.required(top, "language", in: root, what: "a catalogue file") {
            _ = reader.choice(node, allowed: ["ru"], what: "catalogue language")
        }
        if let node = reader.optional(top, "rules") { rules(node) }
        if let node = reader.optional(top, "titles") {
            catalogue.titles.merge(terms(node, section: "titles"), uniquingKeysWith: { a, _ in a })
        }
        if let node = reader.optional(top, "instruments") { instruments(node) }
        if let node = reader.optional(top, "provision_terms") {
            catalogue.provisionTerms.merge(terms(node, section: "provision_terms"), uniquingKeysWith: { a, _ in a })
        }
        if let node = reader.optional(top, "facts") { facts(node) }
        if let node = reader.optional(top, "messages") { messages(node) }
        for section in RussianCatalogue.TermSection.allCases {
            guard let node = reader.optional(top, section.rawValue) else { continue }
            catalogue.terms[section, default: [:]].merge(terms(node, section: section.rawValue), uniquingKeysWith: { a, _ in a })
        }
    }

    // MARK: - Sections

    private mutating func rules(_ node: YAMLNode) {
        guard let entries = reader.mapping(node, what: "the rules section (rule id: entry)") else { return }
        for pair in entries.pairs where isFirst(pair, section: "rules", what: "rule") {
            guard let entry = reader.mapping(pair.value, known: ["title", "text", "provision", "quote"], what: "the Russian entry of a rule") else { continue }
            let title = requiredRussian(entry, "title", in: pair.value, what: "the rule's Russian title")
            let text = requiredRussian(entry, "text", in: pair.value, what: "the rule's Russian paraphrase")
            let provision = reader.optional(entry, "provision").flatMap { russian($0, what: "the provision in Russian") }
            var official = RussianCatalogue.OfficialText.notRead
            if let quoteNode = reader.optional(entry, "quote") {
                guard let quote = quote(quoteNode) else { continue }
                official = .quoted(quote)
            }
            guard let title, let text else { continue }
            catalogue.rules[pair.keyText] = RussianCatalogue.RuleText(
                title: title, text: text, provision: provision, official: official, range: pair.key.range)
        }
    }

    private mutating func quote(_ node: YAMLNode) -> RussianCatalogue.Quote? {
        guard let entry = reader.mapping(node, known: ["text", "source", "provision"], what: "a quote of the official Russian text") else { return nil }
        let text = requiredRussian(entry, "text", in: node, what: "the quoted official text")
        let source = reader.required(entry, "source", in: node, what: "a quote of the official Russian text").flatMap { nonEmpty($0, what: "the quote's source") }
        let provision = reader.optional(entry, "provision").flatMap { russian($0, what: "the quoted provision") }
        guard let text, let source else { return nil }
        return RussianCatalogue.Quote(text: text, source: source, provision: provision)
    }

    private mutating func instruments(_ node: YAMLNode) {
        guard let entries = reader.mapping(node, what: "the instruments section (English name: entry)") else { return }
        for pair in entries.pairs where isFirst(pair, section: "instruments", what: "instrument") {
            guard let entry = reader.mapping(pair.value, known: ["ru", "official_name", "note"], what: "the Russian entry of an instrument") else { continue }
            let name = requiredRussian(entry, "ru", in: pair.value, what: "the instrument's Russian name")
            let official = reader.required(entry, "official_name", in: pair.value, what: "the Russian entry of an instrument").flatMap { reader.bool($0) }
            if let note = reader.optional(entry, "note") { _ = reader.string(note) }
            guard let name, let official else { continue }
            catalogue.instruments[pair.keyText] = RussianCatalogue.Instrument(
                english: pair.keyText, russian: name, officialName: official, range: pair.key.range)
        }
    }

    private mutating func facts(_ node: YAMLNode) {
        guard let entries = reader.mapping(node, what: "the facts section (fact path: entry)") else { return }
        for pair in entries.pairs where isFirst(pair, section: "facts", what: "fact") {
            guard let entry = reader.mapping(pair.value, known: ["question", "help"], what: "the Russian entry of a fact") else { continue }
            let question = reader.optional(entry, "question").flatMap { russian($0, what: "the fact's question") }
            let help = requiredRussian(entry, "help", in: pair.value, what: "the fact's help")
            guard let help else { continue }
            catalogue.facts[pair.keyText] = RussianCatalogue.FactText(question: question, help: help, range: pair.key.range)
        }
    }

    /// Message templates: `key: template`. A template's words outside its placeholders are Russian,
    /// or it has no letters there at all («{path}»).
    private mutating func messages(_ node: YAMLNode) {
        guard let entries = reader.mapping(node, what: "the messages section (message key: Russian template)") else { return }
        for pair in entries.pairs where isFirst(pair, section: "messages", what: "message") {
            guard let template = nonEmpty(pair.value, what: "the Russian template of '\(pair.keyText)'") else { continue }
            let outside = MessageText.fill(template) { _, _ in "" }.unicodeScalars.filter { $0.properties.isAlphabetic }
            if !outside.isEmpty, !outside.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
                _ = russian(pair.value, what: "the template of '\(pair.keyText)'")
                continue
            }
            catalogue.messages[pair.keyText] = RussianCatalogue.Term(text: template, range: pair.key.range)
        }
    }

    /// A section of `value: Russian words` pairs.
    private mutating func terms(_ node: YAMLNode, section: String) -> [String: RussianCatalogue.Term] {
        guard let entries = reader.mapping(node, what: "the \(section) section (value: Russian words)") else { return [:] }
        var result: [String: RussianCatalogue.Term] = [:]
        for pair in entries.pairs where isFirst(pair, section: section, what: "term") {
            guard let text = russian(pair.value, what: "the Russian words for '\(pair.keyText)'") else { continue }
            result[pair.keyText] = RussianCatalogue.Term(text: text, range: pair.key.range)
        }
        return result
    }

    // MARK: - Values

    /// Whether `pair` is the first entry for its key in `section` across every file; a later one is an error.
    private mutating func isFirst(_ pair: YAMLMapping.Pair, section: String, what: String) -> Bool {
        let key = section + "/" + pair.keyText
        if let first = firstGiven[key] {
            reader.diagnostics.error(
                "i18n.duplicate-entry", "the \(what) '\(pair.keyText)' is given a second time in the \(section) section",
                at: pair.key.range, notes: [Note("first given here", at: first)])
            return false
        }
        firstGiven[key] = pair.key.range
        return true
    }

    private mutating func requiredRussian(_ mapping: YAMLMapping, _ key: String, in node: YAMLNode, what: String) -> String? {
        reader.required(mapping, key, in: node, what: "the entry").flatMap { russian($0, what: what) }
    }

    /// Text that is not empty and has at least one Cyrillic letter (an English text copied over is an error).
    private mutating func russian(_ node: YAMLNode, what: String) -> String? {
        guard let text = nonEmpty(node, what: what) else { return nil }
        guard text.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) else {
            reader.diagnostics.error(
                "i18n.not-russian", "expected Russian text for \(what), found '\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'",
                at: node.range, notes: [Note("write the text in Russian (Cyrillic); it is shown with --lang ru")])
            return nil
        }
        return text
    }

    /// The text without the line break a block scalar (`>`, `|`) ends with; an empty text is an error.
    private mutating func nonEmpty(_ node: YAMLNode, what: String) -> String? {
        guard var text = reader.string(node) else { return nil }
        while text.hasSuffix("\n") { text.removeLast() }
        guard !text.allSatisfy(\.isWhitespace) else {
            reader.diagnostics.error("i18n.empty-text", "\(what) is empty", at: node.range)
            return nil
        }
        return text
    }
}
