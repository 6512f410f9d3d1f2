import JSONText
/// A JSON Schema (draft 2020-12) for measure files, generated from a ``MeasureVocabulary`` (each
/// field's `help` is its `description`) so that editors (e.g. the YAML language server) check the
/// same contract as `subsidy validate`.
///
/// The schema accepts what the decoder accepts: unknown keys are rejected (`additionalProperties:
/// false`), tri-state facts take `true`, `false`, `unknown`, `yes`, `no`, `да`, `нет` or
/// `неизвестно` (any of the decoder's spellings), numbers may be `unknown` and respect their bounds,
/// country, currency and claimed-exemption values are the vocabulary's, dates are `YYYY-MM-DD`
/// (whether the day exists is left to `subsidy validate`), and HS codes have 2, 4 or 6 digits.
public enum MeasureJSONSchema {
    /// The schema's `$id`.
    public static let id = "urn:subsidy:schema:measure:v1"

    /// The schema as pretty-printed JSON (two-space indent, keys in a fixed order, final newline).
    public static func document(vocabulary: MeasureVocabulary) -> String {
        Builder(vocabulary: vocabulary).document()
    }
}

/// Builds the schema of one vocabulary.
private struct Builder {
    let vocabulary: MeasureVocabulary

    func document() -> String {
        var root: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(MeasureJSONSchema.id)),
            ("title", .string("subsidy measure file (contract v1.1)")),
            (
                "description",
                .string(
                    "One support measure, described by a drafter: the input of `subsidy classify` and `subsidy lint`. "
                        + "Omitting a fact means unknown.")
            ),
        ]
        root += object(vocabulary.fields, prefix: "")
        root.append(
            (
                "dependentSchemas",
                .object([
                    (
                        "export_tax_remission",
                        .object([
                            (
                                "description",
                                .string("'export_tax_remission' is given only with the form export-tax-remission.")
                            ),
                            ("required", .array([.string("forms")])),
                            (
                                "properties",
                                .object([
                                    (
                                        "forms",
                                        .object([("contains", .object([("const", .string("export-tax-remission"))]))])
                                    )
                                ])
                            ),
                        ])
                    )
                ])
            ))
        return JSONValue.object(root).rendered()
    }

    /// `type`, `required`, `properties` and `additionalProperties` of a group of fields.
    private func object(_ fields: [MeasureSchema.Field], prefix: String) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [("type", .string("object"))]
        let required = fields.filter(\.required).map { JSONValue.string($0.key) }
        if !required.isEmpty { pairs.append(("required", .array(required))) }
        pairs.append(
            (
                "properties",
                .object(
                    fields.map { field in
                        let path = prefix.isEmpty ? field.key : prefix + "." + field.key
                        return (field.key, property(field, path: path))
                    })
            ))
        pairs.append(("additionalProperties", .bool(false)))
        return pairs
    }

    private func property(_ field: MeasureSchema.Field, path: String) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let description = field.help ?? field.question {
            pairs.append(("description", .string(description)))
        }
        pairs += shape(field, path: path)
        return .object(pairs)
    }

    private func shape(_ field: MeasureSchema.Field, path: String) -> [(String, JSONValue)] {
        switch field.type {
        case .text:
            return field.singleLine || field.required ? requiredText(field) : Self.text
        case .country:
            return [("enum", .array(vocabulary.countries.map { JSONValue.string($0.code) }))]
        case .countryList(let also):
            let codes = vocabulary.countries.map(\.code) + also
            return [("type", .string("array")), ("items", .object([("enum", .array(codes.map(JSONValue.string)))]))]
        case .currency:
            return [("enum", .array(vocabulary.currencies.map { JSONValue.string($0.code) }))]
        case .triState:
            return [("enum", .array([.bool(true), .bool(false)] + Self.triStateWords.map(JSONValue.string)))]
        case .choice(let allowed):
            return [("enum", .array(allowed.map(JSONValue.string)))]
        case .choiceList(let allowed):
            var list: [(String, JSONValue)] = [
                ("type", .string("array")), ("items", .object([("enum", .array(allowed.map(JSONValue.string)))])),
                ("uniqueItems", .bool(true)),
            ]
            if let least = field.minItems { list.append(("minItems", .int(least))) }
            return list
        case .textList:
            return [("type", .string("array")), ("items", .object(Self.text))]
        case .hsList:
            let code = JSONValue.object([
                (
                    "anyOf",
                    .array([
                        .object([("type", .string("string")), ("pattern", .string(Self.hsPattern))]),
                        .object([("type", .string("integer")), ("minimum", .int(0)), ("maximum", .int(999_999))]),
                    ])
                )
            ])
            return [("type", .string("array")), ("items", code)]
        case .date:
            return [("type", .string("string")), ("format", .string("date")), ("pattern", .string(Self.datePattern))]
        case .number:
            var number: [(String, JSONValue)] = [("type", .string("number"))]
            if let low = field.minimum { number.append(("minimum", Self.bound(low))) }
            if let high = field.maximum { number.append(("maximum", Self.bound(high))) }
            return [("anyOf", .array([.object(number), .object([("const", .string("unknown"))])]))]
        case .claims:
            let item = JSONValue.object([("enum", .array(vocabulary.claimable.map(JSONValue.string)))])
            return [("type", .string("array")), ("items", item)]
        case .group(let children):
            return object(children, prefix: path)
        }
    }

    /// Free text: any non-null scalar reads as text.
    private static let text: [(String, JSONValue)] = [
        ("type", .array([.string("string"), .string("number"), .string("boolean")]))
    ]
    /// The decoder's spellings of a tri-state other than YAML 1.2 booleans.
    private static let triStateWords = [
        "unknown", "yes", "no", "Unknown", "UNKNOWN", "Yes", "YES", "No", "NO",
        "да", "нет", "неизвестно", "Да", "ДА", "Нет", "НЕТ", "Неизвестно", "НЕИЗВЕСТНО",
    ]
    /// 2, 4 or 6 digits, with dots or spaces anywhere (`8708`, `8708.29`, `87 08 29`).
    private static let hsPattern = "^[. ]*(?:[0-9][. ]*){2}(?:(?:[0-9][. ]*){2}){0,2}$"
    /// `YYYY-MM-DD` with a month 01–12 and a day 01–31.
    private static let datePattern = "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"
    /// Text that must not be empty (required) or must be one line (no control characters).
    private func requiredText(_ field: MeasureSchema.Field) -> [(String, JSONValue)] {
        var string: [(String, JSONValue)] = [("type", .string("string"))]
        if field.required { string.append(("minLength", .int(1))) }
        if field.singleLine { string.append(("pattern", .string("^[^\\u0000-\\u001F\\u007F-\\u009F]*$"))) }
        return [("anyOf", .array([.object(string), .object([("type", .array([.string("number"), .string("boolean")]))])]))]
    }

    private static func bound(_ n: Double) -> JSONValue {
        n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .number(n)
    }
}
