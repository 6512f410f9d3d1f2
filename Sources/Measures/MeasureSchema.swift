/// The shapes a measure vocabulary is made of: a field's type and its declaration. The fields
/// themselves are data, declared in the rule corpus (`Rules/vocabulary/measure.yaml`) and read
/// into a ``MeasureVocabulary``.
public enum MeasureSchema {
    /// How a field's value is written and read (`type:` in the vocabulary).
    public indirect enum FieldType: Sendable, Equatable {
        /// Free text (`text`).
        case text
        /// A code of the vocabulary's country table: ISO 3166-1 alpha-2, or `EU` (`country`).
        case country
        /// A list of country codes, or of the words in `also` (`country-list`).
        case countryList(also: [String])
        /// An ISO 4217 code of the vocabulary's currency table (`currency`).
        case currency
        /// `true`, `false` or `unknown` (also `yes` / `no`, `да` / `нет` / `неизвестно`) (`tri-state`).
        case triState
        /// One of the choices; a choice named `unknown` reads as the unknown value (`choice`).
        case choice([String])
        /// A list whose items are each one of the choices (`choice-list`).
        case choiceList([String])
        /// A list of free-text items (`text-list`).
        case textList
        /// A list of HS codes of 2, 4 or 6 digits (`hs-list`).
        case hsList
        /// A `YYYY-MM-DD` date (`date`).
        case date
        /// A number, or `unknown` (`number`).
        case number
        /// A list of ids of exemptions the rule corpus declares claimable (`claims`).
        case claims
        /// A nested mapping (`group`).
        case group([Field])

        /// The vocabulary's name of the type.
        public var name: String {
            switch self {
            case .text: "text"
            case .country: "country"
            case .countryList: "country-list"
            case .currency: "currency"
            case .triState: "tri-state"
            case .choice: "choice"
            case .choiceList: "choice-list"
            case .textList: "text-list"
            case .hsList: "hs-list"
            case .date: "date"
            case .number: "number"
            case .claims: "claims"
            case .group: "group"
            }
        }
    }

    /// One key of the contract, as the vocabulary declares it.
    public struct Field: Sendable, Equatable {
        public var key: String
        public var type: FieldType
        public var required: Bool
        /// The question asked when this fact is unknown and would decide a verdict.
        public var question: String?
        /// One line of help (the JSON Schema's `description`).
        public var help: String?
        /// Russian forms of ``question`` and ``help`` (absent until written).
        public var questionRU: String?
        public var helpRU: String?
        /// Bounds of a number (inclusive).
        public var minimum: Double?
        public var maximum: Double?
        /// The fewest items a list may have when given.
        public var minItems: Int?
        /// Text without control characters (line breaks, tabs, …).
        public var singleLine: Bool
        /// Choices of a list that must be its only item (`none`).
        public var standsAlone: [String]
        /// Choices of a list that combine only with the given others (`all-industry: [regions]`).
        public var combinesOnly: [(choice: String, with: [String])]

        public init(
            _ key: String, _ type: FieldType, required: Bool = false, question: String? = nil, help: String? = nil,
            questionRU: String? = nil, helpRU: String? = nil, minimum: Double? = nil, maximum: Double? = nil,
            minItems: Int? = nil, singleLine: Bool = false, standsAlone: [String] = [],
            combinesOnly: [(choice: String, with: [String])] = []
        ) {
            self.key = key
            self.type = type
            self.required = required
            self.question = question
            self.help = help
            self.questionRU = questionRU
            self.helpRU = helpRU
            self.minimum = minimum
            self.maximum = maximum
            self.minItems = minItems
            self.singleLine = singleLine
            self.standsAlone = standsAlone
            self.combinesOnly = combinesOnly
        }

        public static func == (a: Field, b: Field) -> Bool {
            a.key == b.key && a.type == b.type && a.required == b.required && a.question == b.question
                && a.help == b.help && a.questionRU == b.questionRU && a.helpRU == b.helpRU
                && a.minimum == b.minimum && a.maximum == b.maximum && a.minItems == b.minItems
                && a.singleLine == b.singleLine && a.standsAlone == b.standsAlone
                && a.combinesOnly.map(\.choice) == b.combinesOnly.map(\.choice)
                && a.combinesOnly.map(\.with) == b.combinesOnly.map(\.with)
        }
    }
}
