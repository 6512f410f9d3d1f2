import Engine

/// Notifications in plain words, for the memo's conclusion ("the report of subsidies granted in
/// 2027-Q1, due by 2027-04-30"), and in full, with rule and status, for its proof.
enum ObligationWords {
    /// What is notified, for a kind of the rule corpus; an unknown kind is named as it is.
    static func what(_ o: ObligationDue) -> String {
        switch o.kind {
        case "annual-planned": "the list of subsidies planned for \(o.covers)"
        case "quarterly-granted": "the report of subsidies granted in \(o.covers)"
        case "full": "the new and full subsidy notification covering \(o.covers)"
        case "update": "the updating subsidy notification covering \(o.covers)"
        case "cvd-semiannual": "the semi-annual report of countervailing duty actions for \(o.covers)"
        default: "the \(o.kind.replacingOccurrences(of: "-", with: " ")) notification covering \(o.covers)"
        }
    }

    /// One conclusion line: "EAEU: the list of subsidies planned for 2027, was due by 2026-12-01
    /// (overdue unless already made)".
    /// `naming: false` leaves out the open questions of a conditional entry (said once for all).
    static func plain(_ o: ObligationDue, naming: Bool = true, questions: [String: String]) -> String {
        let line = "\(o.regime.rawValue.uppercased()): \(what(o)), " + (o.past ? "was due by \(o.due)" : "due by \(o.due)")
        switch o.status {
        case .due: return line
        case .overdue: return line + " (overdue unless already made)"
        case .conditional:
            guard naming else { return line + " (conditional)" }
            return line + " — conditional: depends on " + answers(o.conditionalOn, questions: questions)
        }
    }

    /// "the answers to: Q1 Q2" (a fact with no question in `questions` is named by its path).
    static func answers(_ facts: [String], questions: [String: String]) -> String {
        (facts.count == 1 ? "the answer to: " : "the answers to: ")
            + facts.map { questions[$0] ?? $0 }.joined(separator: " ")
    }

    /// One proof line: "EAEU annual-planned, covers 2027: due 2026-12-01, overdue — citation [rule]".
    static func full(_ o: ObligationDue) -> String {
        var status = o.status.rawValue
        if o.status == .conditional { status += " on " + o.conditionalOn.joined(separator: ", ") }
        return "\(o.regime.rawValue.uppercased()) \(o.kind), covers \(o.covers): due \(o.due), \(status) — \(o.citation) [\(o.rule)]"
    }

}
