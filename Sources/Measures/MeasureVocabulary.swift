public import Diagnostics
import RulesCorpus
import YAMLLoader

/// What a measure may state, read from the rule corpus (`Rules/vocabulary/`): every fact with its
/// type, question and help; the country and currency tables; and the ids of the exemptions the
/// rules declare claimable. Loaded once with the corpus and handed to the decoder, the JSON Schema,
/// the rule compiler and the engine; immutable, so shared freely between threads.
///
/// Facts sit in slots, in the vocabulary's order (depth-first): a measure stores its facts by slot
/// (``Measure/factValues``) and the engine reads them by slot.
public final class MeasureVocabulary: Sendable {
    /// The top-level fields, as declared.
    public let fields: [MeasureSchema.Field]
    /// Every fact path (`a.b.c`) with its field, depth-first in declaration order: slot `i` is `factFields[i]`.
    public let factFields: [(path: String, field: MeasureSchema.Field)]
    /// Every fact path, by slot.
    public let factPaths: [String]
    /// The slot of each fact path.
    public let factSlots: [String: Int]
    /// Country codes with their names (ISO 3166-1 alpha-2 and EU), in table order.
    public let countries: [(code: String, name: String)]
    public let countryCodes: Set<String>
    /// Currency codes with their names (ISO 4217), in table order.
    public let currencies: [(code: String, name: String)]
    public let currencyCodes: Set<String>
    /// Ids of the exemptions the rule corpus declares claimable (valid `claims` items), sorted.
    public let claimable: [String]
    public let claimableSet: Set<String>

    /// The decoder's prepared form of ``fields``.
    let root: SchemaGroup
    /// Slots of the facts the decoder itself reads (-1 when the vocabulary has no such fact).
    let slotID: Int, slotTitle: Int, slotMemberState: Int, slotForms: Int, slotPeriodFrom: Int, slotPeriodUntil: Int
    let slotSupports: Int, slotGoodsHS: Int, slotExportDestinations: Int
    let unknownValues: [FactValue]
    let unknownRanges: [SourceRange?]

    /// The facts every vocabulary must declare, with their types: the decoder and the reports read them.
    public static let coreFacts: [(path: String, type: MeasureSchema.FieldType)] = [
        ("id", .text), ("title", .text), ("member_state", .country),
    ]

    public init(
        fields: [MeasureSchema.Field], countries: [(code: String, name: String)],
        currencies: [(code: String, name: String)], claimable: [String] = []
    ) {
        self.fields = fields
        var flat: [(String, MeasureSchema.Field)] = []
        func walk(_ fields: [MeasureSchema.Field], prefix: String) {
            for field in fields {
                let path = prefix.isEmpty ? field.key : prefix + "." + field.key
                if case .group(let children) = field.type { walk(children, prefix: path) } else { flat.append((path, field)) }
            }
        }
        walk(fields, prefix: "")
        factFields = flat
        factPaths = flat.map(\.0)
        factSlots = Dictionary(flat.enumerated().map { ($1.0, $0) }, uniquingKeysWith: { a, _ in a })
        for (path, type) in Self.coreFacts {
            precondition(factSlots[path].map { flat[$0].1.type == type } ?? false, "a vocabulary declares '\(path)' as \(type.name)")
        }
        self.countries = countries
        countryCodes = Set(countries.map(\.code))
        self.currencies = currencies
        currencyCodes = Set(currencies.map(\.code))
        self.claimable = Array(Set(claimable)).sorted()
        claimableSet = Set(claimable)
        slotID = factSlots["id"] ?? -1
        slotTitle = factSlots["title"] ?? -1
        slotMemberState = factSlots["member_state"] ?? -1
        slotForms = factSlots["forms"] ?? -1
        slotPeriodFrom = factSlots["period.from"] ?? -1
        slotPeriodUntil = factSlots["period.until"] ?? -1
        slotSupports = factSlots["supports"] ?? -1
        slotGoodsHS = factSlots["goods.hs"] ?? -1
        slotExportDestinations = factSlots["conditions.export_destinations"] ?? -1
        unknownValues = [FactValue](repeating: .unknown, count: flat.count)
        unknownRanges = [SourceRange?](repeating: nil, count: flat.count)
        root = SchemaGroup(fields, prefix: "", slots: factSlots)
    }

    /// This vocabulary with `ids` as the claimable exemptions (the rule compiler's finding).
    public func claiming(_ ids: [String]) -> MeasureVocabulary {
        MeasureVocabulary(fields: fields, countries: countries, currencies: currencies, claimable: ids)
    }

    /// The field at a fact path.
    public func field(_ path: String) -> MeasureSchema.Field? {
        factSlots[path].map { factFields[$0].field }
    }

    /// The vocabulary built into the binary (`Rules/vocabulary/` of the package), without claimable
    /// exemptions: those come from compiling the rules (``RuleGraph/vocabulary`` has them). Parts
    /// a `--rules` folder does not declare are taken from here.
    public static let builtIn: MeasureVocabulary = {
        let files = RulesCorpus.files.filter { $0.path.hasPrefix("Rules/vocabulary/") }
        let (vocabulary, problems) = VocabularyDecoder.assemble(files: files, base: nil)
        guard let vocabulary else {
            fatalError("the built-in vocabulary does not load: \(problems.map(\.message).joined(separator: "; "))")
        }
        return vocabulary
    }()
}
