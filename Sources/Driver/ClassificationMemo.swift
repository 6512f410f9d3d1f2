public import Engine
import Measures

/// `subsidy classify` as a short legal memo, in plain text or Markdown.
public struct ClassificationMemo {
    public enum Style: Sendable { case text, markdown }

    public let style: Style
    /// Titles of the measures by id, for the memo's heading.
    public let titles: [String: String]

    public init(style: Style, titles: [String: String]) {
        self.style = style
        self.titles = titles
    }

    public func render(_ results: [Classification]) -> String {
        results.map(render).joined(separator: style == .markdown ? "\n---\n\n" : "\n")
    }

    private func render(_ c: Classification) -> String {
        var out = ""
        let title = titles[c.measureID].map { " — \($0)" } ?? ""
        out += heading(1, "\(c.measureID)\(title)")
        out += line("File: \(c.file). As of \(c.asOf).")
        for v in c.verdicts { out += verdict(v) }
        if let note = StrictnessComparison.note(c.verdicts) { out += "\n" + line(bold("Stricter regime: ") + note) }
        out += "\n" + heading(2, "Notifications")
        if c.obligations.isEmpty { out += line("None triggered on the facts given.") }
        for o in c.obligations {
            let due = o.nextDue.map { "next due \($0)" + (o.covers.map { " (covers \($0))" } ?? "") } ?? "no date in the next ten years"
            out += bullet("\(o.regime.uppercased()) \(o.kind): \(due) — \(o.citation) [\(o.rule)]")
        }
        return out
    }

    private func verdict(_ v: RegimeVerdict) -> String {
        var out = "\n" + heading(2, "\(v.regime.uppercased()): \(v.category)" + (v.grounds.isEmpty ? "" : " (\(v.grounds.joined(separator: ", ")))"))
        if v.category == "undetermined" {
            out += line("The verdict turns on facts the measure does not state. Answer these, best first:")
            for (i, q) in v.questions.enumerated() {
                out += bullet("\(i + 1). \(q.question) (`\(q.fact)`\(q.settles ? "; any answer settles it" : ""); \(q.rule))")
            }
            if !v.rules.isEmpty { out += line("Rules that could decide: \(v.rules.joined(separator: ", ")).") }
        } else {
            out += line("Decided by:")
            for (rule, citation) in zip(v.rules, v.citations + Array(repeating: "", count: max(0, v.rules.count - v.citations.count))) {
                out += bullet("\(rule)\(citation.isEmpty ? "" : " — \(citation)")")
            }
        }
        if !v.factsRead.isEmpty {
            let facts = v.factsRead.map { f in "\(f.path) = \(f.value)" + (f.range.map { " (line \($0.start.line))" } ?? "") }
            out += line("Facts read: " + facts.joined(separator: "; ") + ".")
        }
        out += considered(v.considered)
        if let e = v.exemption {
            out += line(bold("Exemption: ") + "\(e.rule) suspends the consequence" + (e.until.map { " until \($0) (exclusive)" } ?? "") + " — \(e.citation).")
        }
        for n in v.notes {
            out += line(bold("Note: ") + n.text + (n.met.isEmpty ? "" : " Criteria met: " + n.met.joined(separator: "; ") + ".")
                        + " (\(n.citation))")
        }
        for q in v.exemptionQuestions {
            out += bullet("Open for an exemption: \(q.question) (`\(q.fact)`)")
        }
        if !v.unverified.isEmpty {
            out += line((style == .markdown ? "> **Warning:** " : "WARNING: ")
                        + "this verdict rests on provisions not verified against an authoritative text: "
                        + v.unverified.joined(separator: ", ") + ".")
        }
        return out
    }

    /// The exceptions weighed against the deciding rules; listed transitional exemptions the measure
    /// does not claim are summed up in one line.
    private func considered(_ items: [ConsideredException]) -> String {
        guard !items.isEmpty else { return "" }
        let unclaimed = items.filter { $0.status == .notApplied && $0.reason.contains("transitional_measures is") }
        var out = line("Exceptions considered:")
        for c in items where !unclaimed.contains(c) {
            out += bullet("\(c.rule): \(c.status.rawValue) — \(c.reason)")
        }
        if !unclaimed.isEmpty {
            out += bullet("\(unclaimed.count) listed transitional exemption(s) not claimed in `transitional_measures`: "
                          + unclaimed.map(\.rule).joined(separator: ", "))
        }
        return out
    }

    private func heading(_ level: Int, _ text: String) -> String {
        switch style {
        case .markdown: String(repeating: "#", count: level) + " " + text + "\n\n"
        case .text: level == 1 ? text + "\n" : text + "\n"
        }
    }

    private func line(_ text: String) -> String { style == .markdown ? text + "\n\n" : "  " + text + "\n" }
    private func bullet(_ text: String) -> String { style == .markdown ? "- " + text + "\n" : "    - " + text + "\n" }
    private func bold(_ text: String) -> String { style == .markdown ? "**\(text)**" : text }
}

/// Points out which regime is stricter when the two differ.
enum StrictnessComparison {
    static func severity(_ v: RegimeVerdict) -> Int {
        switch v.category {
        case "prohibited": v.exemption == nil ? 5 : 3
        case "actionable": 2
        case "undetermined": 1
        default: 0
        }
    }

    static func note(_ verdicts: [RegimeVerdict]) -> String? {
        guard verdicts.count == 2 else { return nil }
        let (a, b) = (verdicts[0], verdicts[1])
        if let ea = a.exemption?.until, let eb = b.exemption?.until, ea != eb {
            let (first, other) = ea < eb ? (a, b) : (b, a)
            return "both regimes exempt the measure, but the \(first.regime.uppercased()) exemption ends first "
                + "(\(first.exemption!.until!) against \(other.exemption!.until!)); plan for the earlier date."
        }
        let (sa, sb) = (severity(a), severity(b))
        guard sa != sb, max(sa, sb) >= 2 else { return nil }
        let strict = sa > sb ? a : b, lax = sa > sb ? b : a
        func state(_ v: RegimeVerdict) -> String {
            guard let e = v.exemption else { return v.category }
            return "\(v.category), exempt" + (e.until.map { " until \($0)" } ?? "") + " under \(e.rule)"
        }
        var note = "\(strict.regime.uppercased()) (\(state(strict))) is stricter than \(lax.regime.uppercased()) (\(state(lax)))"
        if let ended = strict.considered.first(where: { if case .ended = $0.because { true } else { false } }),
           case .ended(let date) = ended.because {
            note += "; the \(strict.regime.uppercased()) exemption \(ended.rule) ended on \(date)"
        }
        return note + "; the measure must satisfy both."
    }
}
