public import Diagnostics

/// One support measure as described in a measure file, decoded and validated.
public struct Measure: Sendable {
    public var id: String
    public var title: String
    public var memberState: String
    /// The file the measure came from, as the user named it.
    public var file: String
    /// The range of the measure's document in the file.
    public var range: SourceRange
    /// Every fact of the contract by path (`conditions.export_performance`); omitted facts are
    /// present with the value `unknown` and no range.
    public var facts: [String: Fact] {
        didSet { factValues = MeasureSchema.factPaths.map { facts[$0]?.value ?? .unknown } }
    }
    /// The fact values in ``MeasureSchema/factPaths`` order, for evaluation without lookups by name.
    public private(set) var factValues: [FactValue]

    public init(id: String, title: String, memberState: String, file: String, range: SourceRange, facts: [String: Fact]) {
        self.id = id
        self.title = title
        self.memberState = memberState
        self.file = file
        self.range = range
        self.facts = facts
        self.factValues = MeasureSchema.factPaths.map { facts[$0]?.value ?? .unknown }
    }

    /// The fact at `path`, `unknown` when the contract has no such fact.
    public subscript(path: String) -> Fact {
        facts[path] ?? Fact(.unknown, range: nil)
    }
}
