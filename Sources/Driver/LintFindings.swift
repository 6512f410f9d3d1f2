import Diagnostics
public import RuleCompiler
public import Engine
public import Measures
public import Reporting

/// Turns one measure's classification into lint findings.
///
/// - `error`: a prohibited verdict with no exemption (rule id: the first deciding rule).
/// - `warning`: an actionable (specific) subsidy; an exemption ending within the horizon; an
///   undetermined verdict (the message lists the questions that would decide it).
/// - `note`: each notification the measure owes (not those that hang on unknown facts), with its
///   periods and due dates.
///
/// A finding points at the verdict's `locate` fact when it has a range, else at the start of the
/// measure's document. Its fingerprint key is `measureID#regime#ruleID`.
public struct LintFindingMapper: Sendable {
    /// The as-of date and the exemption horizon.
    public var options: LintOptions

    /// Creates a mapper.
    public init(options: LintOptions) {
        self.options = options
    }

    /// A mapped finding and the category that produced it (for the rule's "how to comply").
    public struct Mapped: Sendable {
        public var finding: Finding
        public var kind: Kind
    }

    /// Why a finding was raised.
    public enum Kind: String, Sendable {
        case prohibited, actionable, exemptionEnding = "exemption-ending", undetermined, notification
    }

    /// The findings for `classification` of `measure`, before level overrides.
    public func findings(for classification: Classification, measure: Measure) -> [Mapped] {
        var out: [Mapped] = []
        let anchor = SourceRange(file: measure.file, at: measure.range.start)
        for v in classification.verdicts where options.regimes?.contains(v.regime) ?? true {
            let range = v.locate?.range ?? anchor
            func make(_ rule: String, _ level: Severity, _ message: String, _ kind: Kind) {
                out.append(Mapped(
                    finding: Finding(
                        ruleID: rule, level: level, message: message, range: range,
                        help: options.russian.map { RussianLintWords(catalogue: $0, asOf: options.asOf).help(kind) }
                            ?? LintRuleSummaries.howToComply(kind), fingerprintKey: "\(measure.id)#\(v.regime)#\(rule)"),
                    kind: kind))
            }
            let regime = Self.regimeName(v.regime)
            let rule = v.rules.first ?? "\(v.regime).\(v.category)"
            switch v.category {
            case .prohibited where v.exemption == nil:
                make(rule, .error, options.russian.map { RussianLintWords(catalogue: $0, asOf: options.asOf).prohibited(v, measure: measure) }
                    ?? prohibitedMessage(v, regime: regime, measure: measure), .prohibited)
            case .actionable:
                make(rule, .warning, options.russian.map { RussianLintWords(catalogue: $0, asOf: options.asOf).actionable(v, measure: measure) }
                    ?? "Actionable under the \(regime): a specific subsidy\(cited(v)). "
                    + "Another member may challenge it if it causes adverse effects.\n" + detail(v, measure), .actionable)
            case .undetermined where !(v.rules.isEmpty && v.questions.isEmpty):
                let questionRule = v.questions.first?.rule ?? rule
                make(questionRule, .warning, options.russian.map { RussianLintWords(catalogue: $0, asOf: options.asOf).undetermined(v, measure: measure) }
                    ?? undeterminedMessage(v, regime: regime, measure: measure), .undetermined)
            case .prohibited, .undetermined, .notApplicable, .outOfScope, .notASubsidy, .nonSpecific, .nonActionable:
                break
            }
            if let e = v.exemption, let until = e.until {
                let days = options.asOf.days(until: until)
                if days > 0, days <= options.exemptionHorizonDays {
                    make(e.rule, .warning, options.russian.map {
                        RussianLintWords(catalogue: $0, asOf: options.asOf).exemptionEnding(v, e, until: until, days: days, measure: measure)
                    } ??
                         "Exemption ends within a year under the \(regime): \(e.rule) suspends the \(v.category) "
                         + "verdict only until \(until) (\(days) days after \(options.asOf)); \(e.citation).\n"
                         + "Measure \(measure.id) must comply by \(until).", .exemptionEnding)
                }
            }
        }
        // One note per obligation rule (its fingerprint), naming every period it owes; duties that
        // hang on unknown facts are left to the undetermined warnings.
        var owed: [(rule: String, entries: [ObligationDue])] = []
        for o in classification.obligations where o.status != .conditional && (options.regimes?.contains(o.regime) ?? true) {
            if let i = owed.firstIndex(where: { $0.rule == o.rule }) { owed[i].entries.append(o) } else { owed.append((o.rule, [o])) }
        }
        for (rule, entries) in owed {
            let o = entries[0]
            let dues = entries.map { e in
                e.status == .overdue ? "due \(e.due) (covers \(e.covers)), overdue unless made" : "next due \(e.due) (covers \(e.covers))"
            }
            let finding = Finding(
                ruleID: rule, level: .note,
                message: options.russian.map { RussianLintWords(catalogue: $0, asOf: options.asOf).notification(entries, measure: measure) }
                    ?? "Notification duty under the \(Self.regimeName(o.regime)): \(o.kind), \(dues.joined(separator: "; ")) (\(o.citation)).\n"
                    + "Measure \(measure.id) must be included in this notification.",
                range: anchor,
                help: options.russian.map { RussianLintWords(catalogue: $0, asOf: options.asOf).help(.notification) }
                    ?? LintRuleSummaries.howToComply(.notification),
                fingerprintKey: "\(measure.id)#\(o.regime)#\(rule)")
            out.append(Mapped(finding: finding, kind: .notification))
        }
        return out
    }

    /// `eaeu` → `EAEU`, `wto` → `WTO`.
    public static func regimeName(_ regime: Regime) -> String { regime.rawValue.uppercased() }

    /// Plain words for a ground id (`export-contingent` → `contingent on export performance`).
    public static func describe(ground: String) -> String {
        switch ground {
        case "export-contingent": "contingent on export performance"
        case "domestic-goods-contingent": "contingent on the use of domestic over imported goods"
        default: ground.replacingOccurrences(of: "-", with: " ")
        }
    }

    private func prohibitedMessage(_ v: RegimeVerdict, regime: String, measure: Measure) -> String {
        let grounds = v.grounds.isEmpty ? "a prohibited subsidy" : v.grounds.map(Self.describe).joined(separator: "; ")
        return "Prohibited under the \(regime): \(grounds)\(cited(v)). "
            + "No exemption applies on \(options.asOf).\n" + detail(v, measure)
    }

    private func undeterminedMessage(_ v: RegimeVerdict, regime: String, measure: Measure) -> String {
        var text = "Undetermined under the \(regime): the verdict turns on facts measure \(measure.id) does not state."
        let top = v.questions.prefix(3)
        if top.isEmpty {
            text += "\nRules that could decide: \(v.rules.joined(separator: ", "))."
        } else {
            text += "\nAnswer, best first:"
            for (i, q) in top.enumerated() { text += "\n  \(i + 1). \(q.question) (`\(q.fact)`)" }
            if v.questions.count > top.count { text += "\n  … and \(v.questions.count - top.count) more" }
        }
        return text
    }

    private func cited(_ v: RegimeVerdict) -> String {
        v.citations.first.map { " (\($0))" } ?? ""
    }

    private func detail(_ v: RegimeVerdict, _ measure: Measure) -> String {
        var text = "Measure \(measure.id); decided by \(v.rules.isEmpty ? "no rule" : v.rules.joined(separator: ", "))"
        if let locate = v.locate { text += "; \(locate.path) is \(locate.value)" }
        return text + "."
    }
}
