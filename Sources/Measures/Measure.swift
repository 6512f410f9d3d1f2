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
    /// The vocabulary the measure was decoded with: its facts sit in this vocabulary's slots.
    public let vocabulary: MeasureVocabulary
    /// The fact values by slot of ``vocabulary``, for evaluation without lookups by name.
    public private(set) var factValues: [FactValue]
    /// The ranges of ``factValues``, same order (`nil` for omitted facts).
    @usableFromInline private(set) var factRanges: [SourceRange?]
    /// Facts set under paths that are not in the contract (only through ``facts``'s setter).
    private var extraFacts: [String: Fact] = [:]

    /// Every fact of the contract by path (`conditions.export_performance`); omitted facts are
    /// present with the value `unknown` and no range.
    ///
    /// Built on access from the facts in contract order (decoding fills those directly, without a
    /// hash per fact); prefer ``subscript(_:)`` or ``factValues`` in hot code.
    public var facts: [String: Fact] {
        get {
            var out = extraFacts
            out.reserveCapacity(extraFacts.count + factValues.count)
            for (slot, path) in vocabulary.factPaths.enumerated() {
                out[path] = Fact(factValues[slot], range: factRanges[slot])
            }
            return out
        }
        set {
            factValues = vocabulary.unknownValues
            factRanges = vocabulary.unknownRanges
            extraFacts = [:]
            for (path, fact) in newValue {
                if let slot = vocabulary.factSlots[path] {
                    factValues[slot] = fact.value
                    factRanges[slot] = fact.range
                } else {
                    extraFacts[path] = fact
                }
            }
        }
    }

    public init(
        id: String, title: String, memberState: String, file: String, range: SourceRange,
        vocabulary: MeasureVocabulary, facts: [String: Fact]
    ) {
        self.id = id
        self.title = title
        self.memberState = memberState
        self.file = file
        self.range = range
        self.vocabulary = vocabulary
        self.factValues = vocabulary.unknownValues
        self.factRanges = vocabulary.unknownRanges
        self.facts = facts
    }

    /// A measure from facts already in slot order (the decoder's form).
    init(
        id: String, title: String, memberState: String, file: String, range: SourceRange,
        vocabulary: MeasureVocabulary, factValues: [FactValue], factRanges: [SourceRange?]
    ) {
        self.id = id
        self.title = title
        self.memberState = memberState
        self.file = file
        self.range = range
        self.vocabulary = vocabulary
        self.factValues = factValues
        self.factRanges = factRanges
    }

    /// The fact at `path`, `unknown` when the contract has no such fact.
    public subscript(path: String) -> Fact {
        if let slot = vocabulary.factSlots[path] { return Fact(factValues[slot], range: factRanges[slot]) }
        return extraFacts[path] ?? Fact(.unknown, range: nil)
    }

    /// The fact in slot `slot` of ``vocabulary`` (no lookup by name).
    @inlinable public func fact(slot: Int) -> Fact { Fact(factValues[slot], range: factRanges[slot]) }
}
