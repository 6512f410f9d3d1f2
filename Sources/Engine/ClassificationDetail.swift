/// How much of a classification the caller reads (``Classifier/classify(_:asOf:detail:)``): a
/// report that shows less lets the classifier skip the work only the rest needs. The verdicts
/// never change with it: every category, settled or not, is worked out in full (verdict
/// semantics); only what explains or extends a verdict is left out.
public struct ClassificationDetail: Sendable, Equatable {
    /// Each question's ``Question/outcomes``: what each answer alone gives (a pass over the answers
    /// of every question). Without them, `outcomes` is empty.
    public var outcomes: Bool
    /// What a memo or the JSON report shows beside the verdict: the exceptions considered
    /// (`considered`), the facts read (`factsRead`), the notes, the questions of a verdict that is
    /// settled (`questions` of a category other than `undetermined`) and of its exemption
    /// (`exemptionQuestions`), and which of an obligation rule's unknown facts decide it. Without
    /// them those lists are empty, and a `conditional` obligation's `conditionalOn` lists every
    /// unknown fact its rule reads (it is `conditional` exactly as with them).
    ///
    /// Always there: each verdict's category, grounds, rules, citations, unverified rules,
    /// exemption and `locate`; an undetermined verdict's questions, ranked; every obligation with
    /// its period, due date and status.
    public var explanations: Bool

    public init(outcomes: Bool, explanations: Bool) {
        self.outcomes = outcomes
        self.explanations = explanations
    }

    /// Everything (`classify`, `serve`, the memo, `rules test`).
    public static let full = ClassificationDetail(outcomes: true, explanations: true)
    /// Everything but the questions' outcomes.
    public static let withoutOutcomes = ClassificationDetail(outcomes: false, explanations: true)
    /// What `lint` reads: the verdicts, an undetermined verdict's ranked questions, the obligations.
    public static let verdicts = ClassificationDetail(outcomes: false, explanations: false)
}
