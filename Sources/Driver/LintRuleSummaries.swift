public import Diagnostics
public import Reporting
public import RuleCompiler
import Foundation

/// Builds the ``RuleSummary`` (SARIF rule metadata and help) of a rule from the compiled graph.
public enum LintRuleSummaries {
    /// The summary of `id`, or `nil` when the graph has no such rule (a tool check such as
    /// `measure.invalid-value`, which reporters describe with a placeholder).
    public static func summary(
        for id: String, in graph: RuleGraph, kind: LintFindingMapper.Kind?, level: Severity
    ) -> RuleSummary? {
        guard let rule = graph.rule(id) else { return nil }
        let d = rule.definition
        let provision = d.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? d.title
        var tags = ["subsidy"]
        if let regime = d.regime { tags.append(regime.rawValue) }
        if let kind { tags.append(kind.rawValue) }
        return RuleSummary(
            id: id, shortDescription: d.title,
            fullDescription: "\(d.title). \(d.citation.text)\(d.citation.verified ? "" : " (citation not verified)").",
            provision: provision, citation: d.citation.text, howToComply: howToComply(kind),
            defaultLevel: level, tags: tags)
    }

    /// One sentence per kind of finding: what a drafter can do.
    public static func howToComply(_ kind: LintFindingMapper.Kind?) -> String {
        switch kind {
        case .prohibited?:
            "Remove the condition that makes the subsidy prohibited (export performance or use of domestic over imported goods), or claim a listed exemption that applies on the date."
        case .actionable?:
            "Make eligibility non-specific: objective, neutral criteria set out in an official document, applied automatically and strictly, or fit the measure into a non-actionable category."
        case .exemptionEnding?:
            "Plan the measure's end or its amendment before the exemption lapses, so that it complies on the date the exemption ends."
        case .undetermined?:
            "State the facts the questions ask for in the measure file, so that the verdict can be decided."
        case .notification?:
            "Include the measure in the notification by its due date."
        case nil:
            "Change the measure so that the rule no longer applies."
        }
    }
}
