/// The measure-file contract (spec/measure.md, v1) as data: every field, its type and, for facts,
/// the question a drafter is asked when the fact is unknown. The decoder, the rule compiler's fact
/// catalogue and the JSON Schema are all derived from this one table.
public enum MeasureSchema {
    /// How a field's value is written and read.
    public indirect enum FieldType: Sendable, Equatable {
        /// Free text.
        case text
        /// An ISO 3166-1 alpha-2 code, or `EU`.
        case country
        /// `true`, `false` or `unknown` (also `yes` / `no`).
        case triState
        /// One of the choices; a choice named `unknown` reads as the unknown value.
        case choice([String])
        /// A list whose items are each one of the choices.
        case choiceList([String])
        /// A list of free-text items.
        case textList
        /// A list of HS codes of 2, 4 or 6 digits.
        case hsList
        /// A `YYYY-MM-DD` date.
        case date
        /// A number, or `unknown`.
        case number
        /// A list of transitional-measure ids (spec/measure.md table).
        case transitionalIds
        /// A nested mapping.
        case group([Field])
    }

    /// One key of the contract.
    public struct Field: Sendable, Equatable {
        public var key: String
        public var type: FieldType
        public var required: Bool
        /// The question asked when this fact is unknown and would decide a verdict.
        public var question: String?

        public init(_ key: String, _ type: FieldType, required: Bool = false, question: String? = nil) {
            self.key = key
            self.type = type
            self.required = required
            self.question = question
        }
    }

    public static let bodyKinds = [
        "government", "public-body", "entrusted-private-body", "private-body",
        "state-owned-enterprise", "foreign-government",
    ]
    public static let forms = [
        "grant", "loan", "interest-subsidy", "loan-guarantee", "equity", "debt-forgiveness",
        "tax-exemption", "tax-credit", "tax-reduction", "tax-deferral", "customs-duty-exemption",
        "goods-provision", "services-provision", "goods-purchase", "general-infrastructure",
        "income-support", "price-support", "funding-mechanism", "export-credit",
        "export-credit-guarantee", "export-tax-remission", "export-restraint", "export-tax",
    ]
    public static let contingency = ["none", "in-law", "in-fact", "unknown"]
    public static let purposes = [
        "research", "pre-competitive-development", "disadvantaged-region", "environmental-adaptation",
        "emergency-relief", "start-up", "crisis-rehabilitation", "joint-production", "training", "other",
    ]

    /// The top-level fields of a measure.
    public static let fields: [Field] = [
        Field("id", .text, required: true),
        Field("title", .text, required: true),
        Field("member_state", .country, required: true, question: "Which state (or the EU) grants the measure?"),
        Field("granting_body", .group([
            Field("kind", .choice(bodyKinds), question: "What kind of body grants the measure?"),
            Field("governmental_authority", .triState,
                  question: "Does the state-owned enterprise possess, exercise or hold governmental authority in granting this?"),
            Field("level", .choice(["national", "regional", "local"]), question: "At what level of government is the measure granted?"),
            Field("name", .text),
        ])),
        Field("legal_basis", .text),
        Field("period", .group([
            Field("from", .date, question: "On what date is the measure (to be) granted?"),
            Field("until", .date, question: "Until what date does the measure run?"),
            Field("contracts_concluded", .date,
                  question: "When were the underlying loans, contracts or agreements concluded?"),
        ])),
        Field("supports", .choiceList(["goods", "services"]),
              question: "Does the measure support goods, services, or both?"),
        Field("goods", .group([
            Field("hs", .hsList, question: "Which goods (HS codes) does the measure support?"),
            Field("services_linked_to_goods", .triState,
                  question: "Does the measure support services directly tied to producing, selling, storing, transporting or consuming goods?"),
        ])),
        Field("forms", .choiceList(forms), question: "In what form is the support given (grant, loan, tax exemption, ...)?"),
        Field("benefit", .triState, question: "Are the terms more favourable than the market?"),
        Field("export_tax_remission", .group([
            Field("exceeds_amounts_accrued", .triState,
                  question: "Does the remission of taxes on exported goods exceed the amounts accrued?"),
        ])),
        Field("eligibility", .group([
            Field("limited_to", .choiceList(["none", "all-industry", "enterprises", "industries", "regions"]),
                  question: "Is access limited to certain enterprises, industries or regions (or open to all industry, or none)?"),
            Field("enterprises", .textList),
            Field("enterprises_named", .triState,
                  question: "Does the legal act name the recipient enterprise(s), rather than define them by criteria such as size or number of employees?"),
            Field("industries", .textList),
            Field("regions", .textList),
            Field("regions_part_of_jurisdiction", .triState,
                  question: "Are the designated regions only part of the territory over which the granting body has authority?"),
            Field("generally_applicable_tax_rate", .triState,
                  question: "Does the measure set or change a tax rate that applies to all in the jurisdiction?"),
            Field("objective_criteria", .group([
                Field("neutral", .triState, question: "Are the eligibility criteria neutral, economic and horizontal?"),
                Field("automatic", .triState, question: "Is eligibility automatic once the criteria are met?"),
                Field("strictly_adhered", .triState, question: "Are the criteria strictly adhered to?"),
                Field("in_official_document", .triState,
                      question: "Are the criteria set out in law, regulation or another official document?"),
            ])),
            Field("in_practice", .group([
                Field("limited_number_of_users", .triState,
                      question: "Is the measure used in practice by a limited number of enterprises?"),
                Field("predominant_users", .triState,
                      question: "Is the measure used predominantly by certain enterprises?"),
                Field("disproportionate_amounts", .triState,
                      question: "Do certain enterprises receive disproportionately large amounts?"),
                Field("discretionary_granting", .triState,
                      question: "Does the granting authority exercise discretion in a way that favours certain enterprises?"),
            ])),
        ])),
        Field("conditions", .group([
            Field("export_performance", .choice(contingency),
                  question: "Is the support contingent on export performance (in law or in fact)?"),
            Field("export_destinations", .textList,
                  question: "To which member states or regions must the exports go?"),
            Field("domestic_goods", .choice(contingency),
                  question: "Is the support contingent on using domestic over imported goods (in law or in fact)?"),
            Field("domestic_goods_scope", .choice(["national", "eaeu"]),
                  question: "Does the local-content condition count goods of the member only, or of any EAEU member state?"),
            Field("production_location", .choice(contingency),
                  question: "Is the support contingent on producing in the territory?"),
        ])),
        Field("purposes", .choiceList(purposes), question: "What is the purpose of the support (research, regional development, ...)?"),
        Field("export_credit", .group([
            Field("oecd_arrangement", .triState,
                  question: "Does the export credit conform to the interest-rate provisions of the OECD Arrangement?"),
        ])),
        Field("amount", .group([
            Field("value", .number, question: "What is the amount of the support?"),
            Field("currency", .text),
            Field("per_recipient_usd", .number, question: "What is the largest amount granted to one recipient, in USD?"),
            Field("research_share", .number,
                  question: "What share (per cent) of the eligible research costs does the support cover?"),
            Field("eligible_research_costs_only", .triState,
                  question: "Does the support pay only eligible research costs (personnel, instruments and equipment, land and buildings used exclusively for the research, consultancy, overheads, running costs)?"),
        ])),
        Field("agriculture", .group([
            Field("scheduled_export_subsidy", .triState,
                  question: "Is the export subsidy on an agricultural product within the member's scheduled reduction commitments for that product on the date?"),
        ])),
        Field("sdt", .group([
            Field("art27_4_compliant", .triState,
                  question: "Has the developing member kept the level of its export subsidies from increasing and phased them out within the period (SCM Art. 27.4)?"),
            Field("art29_notified", .triState,
                  question: "Was the programme notified under SCM Art. 29.3?"),
        ])),
        Field("transitional_measures", .transitionalIds),
    ]

    /// Every fact path, in the order of ``factFields``.
    public static let factPaths: [String] = factFields.map(\.path)

    /// Every fact path (`a.b.c`) with its field, depth-first in contract order.
    public static let factFields: [(path: String, field: Field)] = {
        var out: [(String, Field)] = []
        func walk(_ fields: [Field], prefix: String) {
            for field in fields {
                let path = prefix.isEmpty ? field.key : prefix + "." + field.key
                if case .group(let children) = field.type {
                    walk(children, prefix: path)
                } else {
                    out.append((path, field))
                }
            }
        }
        walk(fields, prefix: "")
        return out
    }()

    /// The fixed transitional-measure ids of the contract; `eaeu.annex28.appendix.BY.<slug>` and
    /// `eaeu.annex28.appendix.RU.<slug>` are accepted in addition (lower-kebab slug).
    public static let transitionalMeasureIds = [
        "eaeu.annex28.appendix.KZ.business-road-map-interest",
        "eaeu.annex28.appendix.KZ.free-warehouse-exemption",
        "eaeu.annex28.appendix.KZ.sez-exemption",
        "eaeu.annex28.appendix.KZ.auto-assembly",
        "eaeu.annex28.appendix.KZ.subsoil-local-content",
        "eaeu.annex28.appendix.KZ.samruk-procurement",
        "eaeu.annex28.appendix.RU.auto-assembly",
        "wto.accession.KZ.subsoil-local-content",
        "wto.accession.KZ.auto-assembly",
        "wto.accession.RU.auto-investment",
        "wto.scm.art27-4-extension",
    ]
}
