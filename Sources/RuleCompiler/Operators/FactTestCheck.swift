public import Diagnostics
public import Measures
import YAMLLoader

/// What an operator's check (``FactOperator/checked(_:)``) reads and reports: the fact it tests and
/// its type, the vocabulary's tables and the rule tables, with located errors in the builder's words.
public struct FactTestCheck {
    /// The fact's path and contract type.
    public let path: String
    public let type: MeasureSchema.FieldType
    /// Where the condition is written.
    public let range: SourceRange
    let vocabulary: MeasureVocabulary
    let tables: [RuleGraph.Table]
    let tableIndex: [String: Int]
    /// What the check reported.
    var bag = DiagnosticBag()
    /// Values tested against a `claims` fact, checked once the claimable exemptions are known.
    var claimTests: [(value: String, path: String, range: SourceRange)] = []

    init(path: String, type: MeasureSchema.FieldType, range: SourceRange, vocabulary: MeasureVocabulary,
         tables: [RuleGraph.Table], tableIndex: [String: Int]) {
        self.path = path
        self.type = type
        self.range = range
        self.vocabulary = vocabulary
        self.tables = tables
        self.tableIndex = tableIndex
    }

    /// Reports that the fact's type does not suit the test: "fact 'P' is a date; EXPECTED". Returns `nil`.
    public mutating func mismatch<T>(_ expected: String) -> T? {
        bag.error("graph.type-mismatch", "fact '\(path)' is \(Self.describe(type)); \(expected)", at: range)
        return nil
    }

    /// Reports each value that is not one of `allowed`.
    public mutating func checkValues(_ values: [String], allowed: [String]) {
        for value in values where !allowed.contains(value) {
            let list = allowed.count > 30 ? "the vocabulary's table (Rules/vocabulary/)" : allowed.joined(separator: ", ")
            bag.error("graph.invalid-value", "'\(value)' is not a value of '\(path)'\(Suggestion.hint(for: value, in: allowed))",
                      at: range, notes: [Note("values: \(list)")])
        }
    }

    /// The allowed values of a single-valued fact (`nil` inside for free text), or `nil` when the
    /// fact is not single-valued (a list, a date, …). A yes/no fact is `true` and `false`.
    public var singleDomain: [String]?? {
        switch type {
        case .triState: .some(["true", "false"])
        case .choice(let allowed): .some(allowed.filter { $0 != "unknown" })
        case .country: .some(vocabulary.countries.map(\.code))
        case .currency: .some(vocabulary.currencies.map(\.code))
        case .text: .some(nil)
        case .choiceList, .countryList, .textList, .hsList, .claims, .date, .number, .group: nil
        }
    }

    /// The allowed items of a list fact (`nil` inside for free-text lists and claims), or `nil`
    /// when the fact is not a list.
    public var listDomain: [String]?? {
        switch type {
        case .choiceList(let allowed): .some(allowed)
        case .countryList(let also): .some(vocabulary.countries.map(\.code) + also)
        case .textList, .hsList: .some(nil)
        // Checked once the claimable exemptions are known (``GraphBuilder/checkClaimTests(_:)``).
        case .claims: .some(nil)
        case .text, .country, .currency, .triState, .choice, .date, .number, .group: nil
        }
    }

    /// Notes list items tested against a `claims` fact, to be checked against the claimable exemptions.
    public mutating func claims(_ values: [String]) {
        guard type == .claims else { return }
        claimTests += values.map { ($0, path, range) }
    }

    /// The index of the code-list table `id` (an HS code list); `nil` after reporting that there is
    /// no such table, or that it is a member table.
    public mutating func codeList(_ id: String) -> Int? {
        guard let t = tableIndex[id] else {
            bag.error("graph.unknown-reference", "no table '\(id)'\(Suggestion.hint(for: id, in: Array(tableIndex.keys)))", at: range)
            return nil
        }
        guard case .codes = tables[t].definition.content else {
            bag.error("graph.mismatch", "table '\(id)' is a member table, not a code list", at: range)
            return nil
        }
        return t
    }

    static func describe(_ type: MeasureSchema.FieldType) -> String {
        switch type {
        case .text: "text"
        case .country: "a country code"
        case .currency: "a currency code"
        case .triState: "a yes/no fact"
        case .choice: "a choice"
        case .choiceList, .textList, .countryList, .claims: "a list"
        case .hsList: "a list of HS codes"
        case .date: "a date"
        case .number: "a number"
        case .group: "a group"
        }
    }
}
