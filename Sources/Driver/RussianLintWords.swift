import Engine
import Localization
import Measures
import RuleCompiler

/// The messages of `subsidy lint --lang ru` (text, SARIF `message.text`, JUnit, GitHub), worded
/// from the catalogue's `lint-*` phrases; ids, levels and fingerprints are those of the English.
struct RussianLintWords {
    let catalogue: RussianCatalogue
    let asOf: CalendarDate

    /// The `lint-*` phrases read here (`rules check` reports one that is missing).
    static let phraseKeys = [
        "lint-prohibited", "lint-prohibited-no-ground", "lint-actionable", "lint-undetermined", "lint-answer-best-first",
        "lint-and-more", "lint-exemption-ending", "lint-must-comply-by", "lint-notification", "lint-include-in-notification",
        "lint-detail", "lint-detail-no-rule", "lint-rules-that-could-decide", "lint-next-due", "lint-overdue",
        "lint-help-prohibited", "lint-help-actionable", "lint-help-exemption-ending", "lint-help-undetermined",
        "lint-help-notification",
    ]

    /// What a drafter can do, per kind of finding (the finding's help line).
    func help(_ kind: LintFindingMapper.Kind) -> String { Self.help(kind, catalogue: catalogue) }

    /// ``help(_:)`` from `catalogue`.
    static func help(_ kind: LintFindingMapper.Kind, catalogue: RussianCatalogue) -> String {
        let key = switch kind {
        case .prohibited: "lint-help-prohibited"
        case .actionable: "lint-help-actionable"
        case .exemptionEnding: "lint-help-exemption-ending"
        case .undetermined: "lint-help-undetermined"
        case .notification: "lint-help-notification"
        }
        return catalogue.phrase(key) ?? "[\(key)]"
    }

    private func p(_ key: String, _ values: [String: String] = [:]) -> String { catalogue.phrase(key, values) ?? "[\(key)]" }

    private func date(_ d: CalendarDate) -> String { RussianDate.format(d) }

    private func regime(_ regime: Regime) -> String { catalogue.phrase("regime-short-\(regime.rawValue)") ?? regime.rawValue.uppercased() }

    /// « (provision, instrument)» of the first deciding rule, as the memo cites it.
    private func cited(_ v: RegimeVerdict) -> String {
        guard let rule = v.rules.first else { return "" }
        if let provision = catalogue.rules[rule]?.provision { return " (\(provision))" }
        return v.citations.first.map { " (\($0))" } ?? ""
    }

    private func detail(_ v: RegimeVerdict, _ measure: Measure) -> String {
        var text = p("lint-detail", ["measure": measure.id, "rules": v.rules.isEmpty ? p("lint-detail-no-rule") : v.rules.joined(separator: ", ")])
        if let locate = v.locate {
            let value = ["true", "false", "unknown"].contains(locate.value) ? catalogue.term(.answers, locate.value) ?? locate.value : locate.value
            text += "; \(locate.path) = \(value)"
        }
        return text + "."
    }

    func prohibited(_ v: RegimeVerdict, measure: Measure) -> String {
        let grounds = v.grounds.isEmpty ? p("lint-prohibited-no-ground")
            : v.grounds.map { catalogue.term(.grounds, $0) ?? $0 }.joined(separator: "; ")
        return p("lint-prohibited", ["regime": regime(v.regime), "grounds": grounds, "citation": cited(v), "date": date(asOf)])
            + "\n" + detail(v, measure)
    }

    func actionable(_ v: RegimeVerdict, measure: Measure) -> String {
        p("lint-actionable", ["regime": regime(v.regime), "citation": cited(v)]) + "\n" + detail(v, measure)
    }

    func undetermined(_ v: RegimeVerdict, measure: Measure) -> String {
        var text = p("lint-undetermined", ["regime": regime(v.regime), "measure": measure.id])
        let top = v.questions.prefix(3)
        if top.isEmpty {
            text += "\n" + p("lint-rules-that-could-decide", ["rules": v.rules.joined(separator: ", ")])
        } else {
            text += "\n" + p("lint-answer-best-first")
            for (i, q) in top.enumerated() {
                text += "\n  \(i + 1). \(catalogue.facts[q.fact]?.question ?? q.question) (`\(q.fact)`)"
            }
            let rest = v.questions.count - top.count
            if rest > 0 { text += "\n  " + p("lint-and-more", ["more": RussianNoun.question.counted(rest)]) }
        }
        return text
    }

    func exemptionEnding(_ v: RegimeVerdict, _ e: ExemptionFinding, until: CalendarDate, days: Int, measure: Measure) -> String {
        let citation = catalogue.rules[e.rule]?.provision ?? e.citation
        return p("lint-exemption-ending", [
            "regime": regime(v.regime), "rule": e.rule, "category": catalogue.term(.categories, v.category.rawValue) ?? v.category.rawValue,
            "until": date(until), "days": RussianNoun.day.counted(days), "date": date(asOf), "citation": citation,
        ]) + "\n" + p("lint-must-comply-by", ["measure": measure.id, "until": date(until)])
    }

    func notification(_ entries: [ObligationDue], measure: Measure) -> String {
        let o = entries[0]
        let dues = entries.map { e in
            p(e.status == .overdue ? "lint-overdue" : "lint-next-due", ["date": date(e.due), "period": RussianMemo.period(e.covers)])
        }
        return p("lint-notification", [
            "regime": regime(o.regime), "kind": catalogue.term(.obligationKinds, o.kind) ?? o.kind,
            "due": dues.joined(separator: "; "), "citation": catalogue.rules[o.rule]?.provision ?? o.citation,
        ]) + "\n" + p("lint-include-in-notification", ["measure": measure.id])
    }
}
