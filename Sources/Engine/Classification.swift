public import Diagnostics
public import Measures
public import RuleCompiler

/// The result of classifying one measure as of a date: a verdict per regime and the obligations.
public struct Classification: Sendable {
    public var measureID: String
    public var file: String
    public var asOf: CalendarDate
    public var verdicts: [RegimeVerdict]
    public var obligations: [ObligationDue]
}

/// A regime's verdict with its proof.
public struct RegimeVerdict: Sendable {
    public var regime: Regime
    /// One of the contract's categories, or `undetermined`.
    public var category: Category
    public var grounds: [String]
    public var exemption: ExemptionFinding?
    /// The rules that decided; for an undetermined verdict, the rules that could decide.
    public var rules: [String]
    public var citations: [String]
    /// For an undetermined verdict: the facts that would decide it, best first.
    public var questions: [Question]
    /// Unknown facts that decide whether an exemption applies (the category is settled).
    public var exemptionQuestions: [Question]
    /// The facts the deciding rules read, with their ranges in the measure file.
    public var factsRead: [FactRead]
    /// The exceptions considered against the deciding rules, and why each did or did not apply.
    public var considered: [ConsideredException]
    /// Rules among those listed whose provision was not verified against an authoritative text.
    public var unverified: [String]
    /// The fact a finding about this verdict should point at.
    public var locate: FactRead?
    /// Advice from note rules that apply (e.g. eligibility for voluntary agreement).
    public var notes: [AdviceNote] = []
}

/// A note rule that applies, with the criteria (predicates it refers to) that are met.
public struct AdviceNote: Sendable, Hashable {
    public var rule: String
    public var text: String
    public var citation: String
    /// Titles of the predicates the note refers to that hold, e.g. the admissibility criteria met.
    public var met: [String]
}

public struct Question: Sendable, Hashable {
    public var fact: String
    public var question: String
    public var rule: String
    /// Whether every possible answer settles the verdict on its own.
    public var settles: Bool
    /// For each answer the fact can take (``ReferenceEvaluator/domain(_:asOf:)``), the verdict
    /// that answer alone gives, the other open facts staying unknown (contract v1.1).
    public var outcomes: [QuestionOutcome] = []
}

/// What one answer to a question gives alone: the regime's category and whether an exemption applies.
public struct QuestionOutcome: Sendable, Hashable {
    public var answer: FactValue
    public var category: Category
    /// The exemption that applies with this answer (`nil`: none), its end and its provision.
    public var exemption: ExemptionFinding?
}

public struct ExemptionFinding: Sendable, Hashable {
    public var rule: String
    /// The first day the exemption no longer applies; `nil` when no end is known.
    public var until: CalendarDate?
    public var citation: String
    public var verified: Bool
}

public struct FactRead: Sendable, Hashable {
    public var path: String
    public var fact: FactValue
    public var range: SourceRange?

    public init(path: String, fact: FactValue, range: SourceRange?) {
        self.path = path
        self.fact = fact
        self.range = range
    }

    /// The value as shown in explanations.
    public var value: String { FactText.describe(fact) }
}

public struct ConsideredException: Sendable, Hashable {
    public enum Status: String, Sendable {
        case applied, notApplied = "not-applied", notInForce = "not-in-force", unknown
    }

    public var rule: String
    public var status: Status
    /// Whether the exception is a transitional or special-and-differential exemption.
    public var isExemption: Bool = false
    /// Why, captured as data during evaluation and put into words only when read.
    public var because: Reason
    /// ``because`` in words, when the engine had them at hand (the same words ``Reason/text`` gives).
    @usableFromInline var worded: String? = nil

    /// Why the exception did or did not apply, in words.
    @inlinable public var reason: String { worded ?? because.text }

    public static func == (a: ConsideredException, b: ConsideredException) -> Bool {
        a.rule == b.rule && a.status == b.status && a.isExemption == b.isExemption && a.because == b.because
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(status)
        hasher.combine(isExemption)
        hasher.combine(because)
    }
}

/// A notification the measure owes as of the classification date, for one reporting period in
/// which it grants support (`period.from`..`period.until`).
///
/// Which ones are listed, per obligation rule: the last period of its calendar due before the
/// date (`overdue`: the date has passed, check that it was made) and the first one due on or
/// after it (`due`), each only when the measure grants support in the period it covers. A rule
/// that may apply, on facts still unknown, gives the same entries with status `conditional`.
public struct ObligationDue: Sendable, Hashable {
    public enum Status: String, Sendable {
        /// Due on or after the classification date.
        case due
        /// Due before the classification date (the last such period of the calendar).
        case overdue
        /// Owed only if unknown facts (`conditionalOn`) turn out one way.
        case conditional
    }

    public var regime: Regime
    public var kind: String
    public var rule: String
    public var citation: String
    /// The reporting period: `2027-Q1`, `2027-H2`, `2027`, `2027/2028`.
    public var covers: String
    public var due: CalendarDate
    public var status: Status
    /// For a conditional entry: the unknown facts that decide whether it is owed.
    public var conditionalOn: [String]
    /// Whether the due date is before the classification date (also for conditional entries).
    public var past: Bool

    public init(
        regime: Regime, kind: String, rule: String, citation: String, covers: String, due: CalendarDate,
        status: Status, conditionalOn: [String] = [], past: Bool
    ) {
        self.regime = regime
        self.kind = kind
        self.rule = rule
        self.citation = citation
        self.covers = covers
        self.due = due
        self.status = status
        self.conditionalOn = conditionalOn
        self.past = past
    }

    /// The name the v1 contract gave the due date (`next_due`), kept for its readers.
    public var nextDue: CalendarDate? { due }
}
