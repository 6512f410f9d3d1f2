public import Diagnostics
public import Measures
public import YAMLLoader

/// What a rule concludes when it applies.
public enum Conclusion: Sendable {
    /// A derived yes/no value; with `exception_to` it is a defeater of the rules it names.
    case predicate
    case verdict(category: Category, ground: String?)
    case exemption(until: ExemptionEnd, suspends: [String])
    case obligation(kind: String, calendar: String)
    /// Advice surfaced with the regime's verdict when the rule applies (e.g. "eligible for voluntary
    /// agreement"); it decides nothing.
    case note(String)
}

/// When an exemption ends (exclusive): a date, or the earliest known of several dates and date facts,
/// or never (`until` omitted: the exemption has no end date of its own).
public enum ExemptionEnd: Sendable {
    case date(CalendarDate)
    case earliest(dates: [CalendarDate], facts: [String])
    case open
}

/// A rule as written in a rule file, with the source ranges its diagnostics point at.
public struct RuleDefinition: Sendable {
    public var id: String
    public var idRange: SourceRange
    public var title: String
    public var regime: Regime?
    public var citation: Citation
    public var inForce: DateRange
    public var inForceRange: SourceRange
    public var text: String?
    public var when: Condition
    public var conclusion: Conclusion
    public var thenRange: SourceRange?
    public var exceptionTo: [(id: String, range: SourceRange)]
    public var suspendsRanges: [SourceRange]
    public var locate: String?
    public var locateRange: SourceRange?
    public var examples: [ExampleDefinition]
    public var file: String
}

/// An example carried by a rule: a measure, a date, and what the rule and the verdict must be.
public struct ExampleDefinition: Sendable {
    public var name: String
    public var range: SourceRange
    public var asOf: CalendarDate
    public var extends: String?
    public var extendsRange: SourceRange?
    /// The measure fragment (merged over the fixture) as a YAML node.
    public var measure: YAMLNode?
    public var expectRange: SourceRange
    public var triggers: TriValue
    public var category: Category?
    public var regime: Regime?
    public var deciding: [String]
    /// `.some(nil)`: `exemption: none`; `nil`: not checked.
    public var exemption: String??
    public var questions: [String]
}

/// A named measure fragment that examples extend.
public struct FixtureDefinition: Sendable {
    public var id: String
    public var idRange: SourceRange
    public var measure: YAMLNode
}

/// Three-valued truth.
public enum TriValue: Sendable, Hashable, CustomStringConvertible {
    case `true`, `false`, unknown

    public init(_ bool: Bool) { self = bool ? .true : .false }

    public var description: String {
        switch self {
        case .true: "true"
        case .false: "false"
        case .unknown: "unknown"
        }
    }

    public static prefix func ! (value: TriValue) -> TriValue {
        switch value {
        case .true: .false
        case .false: .true
        case .unknown: .unknown
        }
    }
}
