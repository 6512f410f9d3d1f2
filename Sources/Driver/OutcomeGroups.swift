import Engine
import Measures
import RuleCompiler

/// A question's outcomes as the memo words them: answers that lead to the same verdict together
/// ("if 01 or 0203: out-of-scope"), in the order the answers first appear; and whether no answer
/// alone settles anything (every outcome undetermined), which the memo says in one phrase instead
/// of listing each answer. The JSON keeps one outcome per answer.
struct OutcomeGroup {
    var answers: [FactValue]
    /// The verdict these answers give (the first one's; all are equal in category and exemption).
    var outcome: QuestionOutcome

    static func groups(_ outcomes: [QuestionOutcome]) -> [OutcomeGroup] {
        var groups: [OutcomeGroup] = []
        for o in outcomes {
            if let i = groups.firstIndex(where: { $0.outcome.category == o.category && $0.outcome.exemption == o.exemption }) {
                groups[i].answers.append(o.answer)
            } else {
                groups.append(OutcomeGroup(answers: [o.answer], outcome: o))
            }
        }
        return groups
    }

    /// Whether the question has outcomes and none of them settles the verdict alone.
    static func noneSettlesAlone(_ outcomes: [QuestionOutcome]) -> Bool {
        !outcomes.isEmpty && outcomes.allSatisfy { $0.category == .undetermined }
    }

    /// "a", "a or b", "a, b or c": `items` joined for a sentence, `last` before the last one
    /// (the separators as they stand, so a template's quotes can close and reopen around them).
    static func sentenceList(_ items: [String], comma: String, last: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: comma) + last + items[items.count - 1]
    }
}
