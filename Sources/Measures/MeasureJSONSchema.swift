import JSONText
/// A JSON Schema (draft 2020-12) for measure files, generated from ``MeasureSchema/fields`` so that
/// editors (e.g. the YAML language server) check the same contract as `subsidy validate`.
///
/// The schema accepts what the decoder accepts: unknown keys are rejected (`additionalProperties:
/// false`), tri-state facts take `true`, `false`, `unknown`, `yes` or `no` (any of the decoder's
/// spellings), numbers may be `unknown`, dates are `YYYY-MM-DD` (whether the day exists is left to
/// `subsidy validate`), and HS codes have 2, 4 or 6 digits.
public enum MeasureJSONSchema {
    /// The schema's `$id`.
    public static let id = "urn:subsidy:schema:measure:v1"

    /// The schema as pretty-printed JSON (two-space indent, keys in a fixed order, final newline).
    public static func document() -> String {
        var root: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(id)),
            ("title", .string("subsidy measure file (contract v1)")),
            (
                "description",
                .string(
                    "One support measure, described by a drafter: the input of `subsidy classify` and `subsidy lint`. "
                        + "Omitting a fact means unknown.")
            ),
        ]
        root += object(MeasureSchema.fields, prefix: "")
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
    private static func object(_ fields: [MeasureSchema.Field], prefix: String) -> [(String, JSONValue)] {
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

    private static func property(_ field: MeasureSchema.Field, path: String) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let description = field.question ?? descriptions[path] {
            pairs.append(("description", .string(description)))
        }
        pairs += shape(field.type, path: path)
        return .object(pairs)
    }

    private static func shape(_ type: MeasureSchema.FieldType, path: String) -> [(String, JSONValue)] {
        switch type {
        case .text:
            return text
        case .country:
            return [
                ("type", .string("string")), ("pattern", .string("^[A-Z]{2}$")),
                ("examples", .array(["KZ", "RU", "BY", "AM", "KG", "EU"].map(JSONValue.string))),
            ]
        case .triState:
            return [("enum", .array([.bool(true), .bool(false)] + triStateWords.map(JSONValue.string)))]
        case .choice(let allowed):
            return [("enum", .array(allowed.map(JSONValue.string)))]
        case .choiceList(let allowed):
            var list: [(String, JSONValue)] = [
                ("type", .string("array")), ("items", .object([("enum", .array(allowed.map(JSONValue.string)))])),
                ("uniqueItems", .bool(true)),
            ]
            if path == "forms" { list.append(("minItems", .int(1))) }
            return list
        case .textList:
            return [("type", .string("array")), ("items", .object(text))]
        case .hsList:
            let code = JSONValue.object([
                (
                    "anyOf",
                    .array([
                        .object([("type", .string("string")), ("pattern", .string(hsPattern))]),
                        .object([("type", .string("integer")), ("minimum", .int(0)), ("maximum", .int(999_999))]),
                    ])
                )
            ])
            return [("type", .string("array")), ("items", code)]
        case .date:
            return [("type", .string("string")), ("format", .string("date")), ("pattern", .string(datePattern))]
        case .number:
            return [
                (
                    "anyOf",
                    .array([
                        .object([("type", .string("number")), ("minimum", .int(0))]),
                        .object([("const", .string("unknown"))]),
                    ])
                )
            ]
        case .transitionalIds:
            let item = JSONValue.object([
                (
                    "anyOf",
                    .array([
                        .object([("enum", .array(MeasureSchema.transitionalMeasureIds.map(JSONValue.string)))]),
                        .object([("type", .string("string")), ("pattern", .string(establishedIDPattern))]),
                    ])
                )
            ])
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
    private static let triStateWords = ["unknown", "yes", "no", "Unknown", "UNKNOWN", "Yes", "YES", "No", "NO"]
    /// 2, 4 or 6 digits, with dots or spaces anywhere (`8708`, `8708.29`, `87 08 29`).
    private static let hsPattern = "^[. ]*(?:[0-9][. ]*){2}(?:(?:[0-9][. ]*){2}){0,2}$"
    /// `YYYY-MM-DD` with a month 01–12 and a day 01–31.
    private static let datePattern = "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"
    /// `eaeu.annex28.appendix.BY.<slug>` / `…RU.<slug>` with a lower-kebab slug.
    private static let establishedIDPattern =
        "^eaeu\\.annex28\\.appendix\\.(?:BY|RU)\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"

    /// Descriptions of fields that carry no question.
    private static let descriptions: [String: String] = [
        "id": "Identifier of the measure, unique within a corpus (e.g. KZ-MIID-2026-014).",
        "title": "Short title of the measure.",
        "granting_body": "The body that grants the measure.",
        "granting_body.name": "Name of the granting body.",
        "period": "When the measure is granted and runs.",
        "goods": "The goods (and goods-related services) the measure supports.",
        "export_tax_remission": "Only with the form export-tax-remission.",
        "eligibility": "Who may receive the support, in law and in practice.",
        "eligibility.objective_criteria": "Neutral, economic, horizontal criteria (e.g. size, employees).",
        "eligibility.in_practice": "Indicators of specificity in fact.",
        "conditions": "Conditions attached to the support.",
        "export_credit": "For export credits.",
        "agriculture": "Agricultural export subsidies (AoA commitments).",
        "sdt": "Special and differential treatment claimed for a WTO export subsidy.",
        "amount": "How much support is given.",
        "legal_basis": "The legal act that establishes the measure.",
        "eligibility.enterprises": "Named enterprises, when 'limited_to' has enterprises.",
        "eligibility.industries": "Industries, when 'limited_to' has industries.",
        "eligibility.regions": "Designated regions, when 'limited_to' has regions.",
        "amount.currency": "Currency of the amount (ISO 4217 code, e.g. KZT).",
        "transitional_measures": "Ids of listed transitional exemptions the measure claims.",
    ]
}
