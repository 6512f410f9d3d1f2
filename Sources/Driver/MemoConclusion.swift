import Engine
import Measures
import RuleCompiler

/// The memo's opening: per regime, in plain words, what the measure is, why (one sentence) and
/// what to do. Rule ids and fact paths are left to the proof that follows.
struct MemoConclusion {
    let asOf: CalendarDate
    /// Rule titles by id: the "why" of a verdict is its first deciding rule's title.
    let ruleTitles: [String: String]

    /// "EAEU: prohibited, no exemption. Why: … What to do: …"
    func regime(_ v: RegimeVerdict) -> String {
        var text = "\(v.regime.rawValue.uppercased()): \(state(v))."
        if let why = why(v) { text += " Why: \(why)" }
        text += " What to do: \(action(v))"
        if !v.unverified.isEmpty { text += " (This rests on provisions not verified against an authoritative text.)" }
        return text
    }

    /// The category, with its exemption in words.
    func state(_ v: RegimeVerdict) -> String {
        let category = Self.category(v.category)
        guard v.category == .prohibited || v.exemption != nil else { return category }
        guard let e = v.exemption else {
            return category + (v.exemptionQuestions.isEmpty ? ", no exemption" : ", no exemption established yet")
        }
        return category + ", but exempt " + Self.cover(e.until)
    }

    /// "covered through 2020-12-30" (the day before the exclusive end), or "with no end date".
    static func cover(_ until: CalendarDate?) -> String {
        until.map { "(covered through \($0.adding(days: -1)))" } ?? "(no end date)"
    }

    /// The category in plain words.
    static func category(_ category: Category) -> String {
        switch category {
        case .prohibited: "a prohibited subsidy"
        case .actionable: "an actionable subsidy"
        case .nonActionable: "a non-actionable subsidy"
        case .nonSpecific: "a subsidy, but not specific"
        case .notASubsidy: "not a subsidy"
        case .outOfScope: "outside these subsidy rules"
        case .notApplicable: "these rules do not apply"
        case .undetermined: "not yet decided"
        }
    }

    /// One sentence: the grounds, or the title of the first deciding rule.
    private func why(_ v: RegimeVerdict) -> String? {
        if v.category == .undetermined { return "the verdict turns on facts the measure does not state." }
        if v.category == .prohibited, !v.grounds.isEmpty {
            return "the support is " + v.grounds.map(LintFindingMapper.describe).joined(separator: " and ") + "."
        }
        guard let title = v.rules.first.flatMap({ ruleTitles[$0] }) else { return nil }
        return title.hasSuffix(".") ? title : title + "."
    }

    /// What the drafter does next.
    private func action(_ v: RegimeVerdict) -> String {
        if v.category == .undetermined {
            let top = v.questions.prefix(3).map(\.question)
            guard !top.isEmpty else { return "see the proof for the rules that could decide." }
            let more = v.questions.count > top.count ? " (\(v.questions.count - top.count) more in the proof)" : ""
            return "answer, best first: " + top.joined(separator: " ") + more
        }
        if let e = v.exemption {
            let title = ruleTitles[e.rule].map { " (\($0))" } ?? ""
            guard let until = e.until else { return "nothing to change while the exemption\(title) lasts; it has no end date." }
            return "bring the measure into line by \(until); until then the exemption\(title) covers it."
        }
        var text: String
        switch v.category {
        case .prohibited:
            let condition = v.grounds.isEmpty || v.grounds.contains(where: { !$0.hasSuffix("-contingent") }) ? "change the condition that makes it prohibited"
                : "make the support no longer " + v.grounds.map(LintFindingMapper.describe).joined(separator: " or ")
            text = "\(condition); as drafted it may not be granted."
        case .actionable:
            text = "it may be granted, but it is specific: another member may challenge it if it causes "
                + "adverse effects."
        case .nonActionable:
            text = "it may be granted; keep to the conditions that make it non-actionable."
        case .notApplicable:
            text = "these rules do not bind the measure on this date; the rules that do (see why) are not assessed here."
        case .outOfScope:
            text = "these subsidy rules do not cover it; the rules that do (see why) are not assessed here."
        case .nonSpecific, .notASubsidy, .undetermined:
            text = "nothing to change under these rules."
        }
        if !v.exemptionQuestions.isEmpty {
            text += " An exemption may apply; answer: " + v.exemptionQuestions.map(\.question).joined(separator: " ")
        }
        return text
    }
}
