public import Diagnostics
public import YAMLLoader

/// Reads vocabulary documents (`vocabulary: measure | countries | currencies` at the top) into a
/// ``MeasureVocabulary``, reporting every defect at its key or value.
public enum VocabularyDecoder {
    /// One vocabulary document, decoded.
    public enum Part: Sendable {
        case facts([MeasureSchema.Field])
        case countries([(code: String, name: String)])
        case currencies([(code: String, name: String)])

        var kind: String {
            switch self {
            case .facts: "measure"
            case .countries: "countries"
            case .currencies: "currencies"
            }
        }
    }

    static let kinds = ["measure", "countries", "currencies"]
    static let types = [
        "text", "country", "country-list", "currency", "tri-state", "choice", "choice-list", "text-list", "hs-list",
        "date", "number", "claims", "group",
    ]
    static let fieldKeys = [
        "key", "type", "required", "question", "help", "question_ru", "help_ru", "values", "also", "minimum",
        "maximum", "min_items", "single_line", "stands_alone", "combines_only", "facts",
    ]

    /// Whether a document is a vocabulary document (its top-level mapping has the key `vocabulary`).
    public static func isVocabulary(_ document: YAMLDocument) -> Bool {
        document.root?.mapping?.pair("vocabulary") != nil
    }

    /// Decodes one vocabulary document.
    public static func decode(_ document: YAMLDocument) -> (part: Part?, diagnostics: [Diagnostic]) {
        var reader = NodeReader(domain: "vocabulary")
        guard let root = document.root,
              let top = reader.mapping(root, known: ["vocabulary", "facts", "entries"], what: "a vocabulary file"),
              let kindNode = reader.required(top, "vocabulary", in: root, what: "a vocabulary file"),
              let kind = reader.choice(kindNode, allowed: kinds, what: "vocabulary")
        else { return (nil, reader.diagnostics.diagnostics) }
        let part: Part?
        switch kind {
        case "measure":
            part = reader.required(top, "facts", in: root, what: "the measure vocabulary")
                .flatMap { fields($0, prefix: "", reader: &reader) }.map(Part.facts)
        default:
            let rows = reader.required(top, "entries", in: root, what: "the \(kind) table")
                .flatMap { codes($0, length: kind == "countries" ? 2 : 3, reader: &reader) }
            part = rows.map { kind == "countries" ? Part.countries($0) : Part.currencies($0) }
        }
        return (reader.diagnostics.hasErrors ? nil : part, reader.diagnostics.diagnostics)
    }

    private static func codes(_ node: YAMLNode, length: Int, reader: inout NodeReader) -> [(code: String, name: String)]? {
        guard let items = reader.sequence(node, what: "entries") else { return nil }
        var out: [(code: String, name: String)] = []
        var seen: [String: SourceRange] = [:]
        for item in items {
            guard let m = reader.mapping(item, known: ["code", "name"], what: "an entry"),
                  let codeNode = reader.required(m, "code", in: item, what: "an entry"),
                  let code = reader.string(codeNode),
                  let name = reader.required(m, "name", in: item, what: "an entry").flatMap({ reader.string($0) })
            else { continue }
            guard code.utf8.count == length, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                reader.diagnostics.error("vocabulary.invalid-code", "'\(code)' is not \(length) capital letters A-Z", at: codeNode.range)
                continue
            }
            if let first = seen[code] {
                reader.diagnostics.error("vocabulary.duplicate", "'\(code)' is listed twice", at: codeNode.range,
                                         notes: [Note("first listed here", at: first)])
                continue
            }
            seen[code] = codeNode.range
            out.append((code, name))
        }
        return out
    }

    private static func fields(_ node: YAMLNode, prefix: String, reader: inout NodeReader) -> [MeasureSchema.Field]? {
        guard let items = reader.sequence(node, what: "facts") else { return nil }
        var out: [MeasureSchema.Field] = []
        var seen: [String: SourceRange] = [:]
        for item in items {
            guard let field = field(item, prefix: prefix, reader: &reader) else { continue }
            if let first = seen[field.field.key] {
                reader.diagnostics.error("vocabulary.duplicate", "'\(field.field.key)' is declared twice", at: field.keyRange,
                                         notes: [Note("first declared here", at: first)])
                continue
            }
            seen[field.field.key] = field.keyRange
            out.append(field.field)
        }
        return out
    }

    private static func field(
        _ node: YAMLNode, prefix: String, reader: inout NodeReader
    ) -> (field: MeasureSchema.Field, keyRange: SourceRange)? {
        guard let m = reader.mapping(node, known: fieldKeys, what: "a fact declaration"),
              let keyNode = reader.required(m, "key", in: node, what: "a fact declaration"),
              let key = reader.string(keyNode),
              let typeNode = reader.required(m, "type", in: node, what: "fact '\(key)'"),
              let typeName = reader.choice(typeNode, allowed: types, what: "type")
        else { return nil }
        guard !key.isEmpty, !key.contains("."), !key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " }) else {
            reader.diagnostics.error("vocabulary.invalid-key", "'\(key)' is not a key (no dots, spaces or control characters)", at: keyNode.range)
            return nil
        }
        let path = prefix.isEmpty ? key : prefix + "." + key
        func text(_ name: String) -> String? { reader.optional(m, name).flatMap { reader.string($0) } }
        func list(_ name: String) -> [String]? { reader.optional(m, name).flatMap { reader.strings($0, what: name) } }
        func number(_ name: String) -> Double? { reader.optional(m, name).flatMap { reader.number($0) } }
        func flag(_ name: String) -> Bool { reader.optional(m, name).flatMap { reader.bool($0) } ?? false }

        var values: [String] = []
        if ["choice", "choice-list"].contains(typeName) {
            guard let given = reader.required(m, "values", in: node, what: "fact '\(path)' (\(typeName))")
                .flatMap({ reader.strings($0, what: "values") }) else { return nil }
            values = given
            if values.isEmpty {
                reader.diagnostics.error("vocabulary.empty-list", "'\(path)' needs at least one value", at: typeNode.range)
            }
        } else {
            for name in ["values", "stands_alone", "combines_only"] + (typeName == "number" ? [] : ["minimum", "maximum"])
            where m.pair(name) != nil {
                reader.diagnostics.error("vocabulary.misplaced-key", "'\(name)' does not apply to a \(typeName) fact ('\(path)')",
                                         at: m.pair(name)!.key.range)
            }
        }
        let type: MeasureSchema.FieldType
        switch typeName {
        case "text": type = .text
        case "country": type = .country
        case "country-list": type = .countryList(also: list("also") ?? [])
        case "currency": type = .currency
        case "tri-state": type = .triState
        case "choice": type = .choice(values)
        case "choice-list": type = .choiceList(values)
        case "text-list": type = .textList
        case "hs-list": type = .hsList
        case "date": type = .date
        case "number": type = .number
        case "claims": type = .claims
        default:
            guard let children = reader.required(m, "facts", in: node, what: "group '\(path)'")
                .flatMap({ fields($0, prefix: path, reader: &reader) }) else { return nil }
            type = .group(children)
        }
        if typeName != "group", let pair = m.pair("facts") {
            reader.diagnostics.error("vocabulary.misplaced-key", "'facts' is only for a group ('\(path)' is \(typeName))", at: pair.key.range)
        }
        var combines: [(choice: String, with: [String])] = []
        if let node = reader.optional(m, "combines_only"), let mapping = reader.mapping(node, what: "combines_only") {
            for pair in mapping.pairs {
                guard let with = reader.strings(pair.value, what: "combines_only") else { continue }
                combines.append((pair.keyText, with))
                for word in [pair.keyText] + with where !values.contains(word) {
                    reader.diagnostics.error("vocabulary.invalid-value", "'\(word)' is not a value of '\(path)'\(Suggestion.hint(for: word, in: values))",
                                             at: pair.key.range)
                }
            }
        }
        let alone = list("stands_alone") ?? []
        for word in alone where !values.contains(word) {
            reader.diagnostics.error("vocabulary.invalid-value", "'\(word)' is not a value of '\(path)'\(Suggestion.hint(for: word, in: values))",
                                     at: m.pair("stands_alone")!.value.range)
        }
        let field = MeasureSchema.Field(
            key, type, required: flag("required"), question: text("question"), help: text("help"),
            questionRU: text("question_ru"), helpRU: text("help_ru"), minimum: number("minimum"), maximum: number("maximum"),
            minItems: minItems(m, &reader),
            singleLine: flag("single_line"), standsAlone: alone, combinesOnly: combines)
        if let low = field.minimum, let high = field.maximum, low > high {
            reader.diagnostics.error("vocabulary.invalid-value", "'\(path)': minimum \(low) is above maximum \(high)", at: typeNode.range)
        }
        return (field, keyNode.range)
    }

    /// `min_items`: a whole number from 0 to 1,000,000.
    private static func minItems(_ m: YAMLMapping, _ reader: inout NodeReader) -> Int? {
        guard let node = reader.optional(m, "min_items"), let n = reader.number(node) else { return nil }
        guard n >= 0, n <= 1_000_000, n == n.rounded() else {
            reader.diagnostics.error("vocabulary.invalid-value", "'min_items' must be a whole number from 0 to 1000000", at: node.range)
            return nil
        }
        return Int(n)
    }

    /// Loads `files` (path, text), decodes their vocabulary documents and assembles a vocabulary;
    /// parts the files do not declare come from `base` (an error when there is none).
    public static func assemble(
        files: [(path: String, text: String)], base: @autoclosure () -> MeasureVocabulary?
    ) -> (vocabulary: MeasureVocabulary?, diagnostics: [Diagnostic]) {
        let loader = YAMLLoader()
        var documents: [YAMLDocument] = []
        var diagnostics: [Diagnostic] = []
        for (path, text) in files {
            let loaded = loader.load(text, file: path)
            diagnostics += loaded.diagnostics
            documents += loaded.documents
        }
        let (vocabulary, problems) = assemble(documents: documents, base: base())
        return (vocabulary, diagnostics + problems)
    }

    /// Decodes vocabulary documents and assembles a vocabulary (see ``assemble(files:base:)``).
    /// `base` is read only when a part is missing (the built-in vocabulary is decoded on first use).
    public static func assemble(
        documents: [YAMLDocument], base: @autoclosure () -> MeasureVocabulary?
    ) -> (vocabulary: MeasureVocabulary?, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        var parts: [String: (part: Part, range: SourceRange)] = [:]
        for document in documents {
            let (part, problems) = decode(document)
            bag.emit(contentsOf: problems)
            guard let part else { continue }
            let range = document.root?.mapping?.pair("vocabulary")?.value.range ?? document.range
            if let first = parts[part.kind] {
                bag.error("vocabulary.duplicate", "a second '\(part.kind)' vocabulary", at: range,
                          notes: [Note("the first", at: first.range)])
                continue
            }
            parts[part.kind] = (part, range)
        }
        let complete = parts.count == kinds.count
        let fallback = complete ? nil : base()
        var fields = fallback?.fields, countries = fallback?.countries, currencies = fallback?.currencies
        for (_, entry) in parts {
            switch entry.part {
            case .facts(let f): fields = f
            case .countries(let c): countries = c
            case .currencies(let c): currencies = c
            }
        }
        let anywhere = documents.first?.range ?? SourceRange(file: "vocabulary", at: SourceLocation(line: 0, column: 0))
        guard let fields, let countries, let currencies else {
            let missing = [fields == nil ? "measure" : nil, countries == nil ? "countries" : nil, currencies == nil ? "currencies" : nil]
            bag.error("vocabulary.missing", "no '\(missing.compactMap { $0 }.joined(separator: "', '"))' vocabulary", at: anywhere)
            return (nil, bag.diagnostics)
        }
        // The facts the decoder and the reports read must be declared, with their types.
        let probe = flatten(fields)
        for (path, type) in MeasureVocabulary.coreFacts where probe[path] != type {
            bag.error("vocabulary.missing-fact",
                      "the measure vocabulary must declare '\(path)' as \(type.name)\(probe[path].map { ", not \($0.name)" } ?? "")",
                      at: parts["measure"]?.range ?? anywhere)
        }
        guard !bag.hasErrors else { return (nil, bag.diagnostics) }
        return (MeasureVocabulary(fields: fields, countries: countries, currencies: currencies), bag.diagnostics)
    }

    private static func flatten(_ fields: [MeasureSchema.Field], prefix: String = "") -> [String: MeasureSchema.FieldType] {
        var out: [String: MeasureSchema.FieldType] = [:]
        for field in fields {
            let path = prefix.isEmpty ? field.key : prefix + "." + field.key
            if case .group(let children) = field.type {
                out.merge(flatten(children, prefix: path)) { a, _ in a }
            } else {
                out[path] = field.type
            }
        }
        return out
    }
}
