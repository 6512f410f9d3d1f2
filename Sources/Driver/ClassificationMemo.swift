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

    /// A piece of the memo: a heading, a paragraph, a list, or a warning.
    private enum Block {
        case heading(Int, String)
        case paragraph(String)
        case list([String])
        case warning(String)
    }

    private func render(_ c: Classification) -> String {
        let title = titles[c.measureID].map { " — \($0)" } ?? ""
        var blocks: [Block] = [.heading(1, "\(c.measureID)\(title)"), .paragraph("File: \(c.file). As of \(c.asOf).")]
        for v in c.verdicts { blocks += verdict(v) }
        if let note = StrictnessComparison.note(c.verdicts) {
            blocks.append(.paragraph(bold("Stricter regime:") + " " + note))
        }
        blocks.append(.heading(2, "Notifications"))
        if c.obligations.isEmpty {
            blocks.append(.paragraph("None triggered on the facts given."))
        } else {
            blocks.append(.list(c.obligations.map { o in
                let due = o.nextDue.map { "next due \($0)" + (o.covers.map { " (covers \($0))" } ?? "") }
                    ?? "no due date in the calendar's remaining periods"
                return "\(o.regime.uppercased()) \(o.kind): \(due) — \(o.citation) [\(o.rule)]"
            }))
        }
        return write(blocks)
    }

    private func verdict(_ v: RegimeVerdict) -> [Block] {
        var blocks: [Block] = [.heading(2, "\(v.regime.uppercased()): \(v.category)"
                                         + (v.grounds.isEmpty ? "" : " (\(v.grounds.joined(separator: ", ")))"))]
        if v.category == "undetermined" {
            blocks.append(.paragraph("The verdict turns on facts the measure does not state. Answer these, best first:"))
            blocks.append(.list(v.questions.enumerated().map { i, q in
                "\(i + 1). \(q.question) (`\(q.fact)`\(q.settles ? "; any answer settles it" : ""); \(q.rule))"
                    + Self.outcomes(q)
            }))
            if !v.rules.isEmpty { blocks.append(.paragraph("Rules that could decide: \(v.rules.joined(separator: ", ")).")) }
        } else {
            blocks.append(.paragraph("Decided by:"))
            blocks.append(.list(v.rules.indices.map { i in
                v.rules[i] + (i < v.citations.count ? " — \(v.citations[i])" : "")
            }))
        }
        if v.category != "undetermined", !v.questions.isEmpty {
            blocks.append(.paragraph("Settled whatever the open facts are; these could still add a ground or change the exemption:"))
            blocks.append(.list(v.questions.map { "\($0.question) (`\($0.fact)`)" + Self.outcomes($0) }))
        }
        if !v.factsRead.isEmpty {
            let facts = v.factsRead.map { f in "\(f.path) = \(f.value)" + (f.range.map { " (line \($0.start.line))" } ?? "") }
            blocks.append(.paragraph("Facts read: " + facts.joined(separator: "; ") + "."))
        }
        blocks += considered(v.considered)
        if let e = v.exemption {
            blocks.append(.paragraph(bold("Exemption:") + " \(e.rule) suspends the consequence"
                                     + (e.until.map { " until \($0) (exclusive)" } ?? "") + " — \(e.citation)."))
        }
        for n in v.notes {
            blocks.append(.paragraph(bold("Note:") + " " + n.text
                                     + (n.met.isEmpty ? "" : " Criteria met: " + n.met.joined(separator: "; ") + ".")
                                     + " (\(n.citation))"))
        }
        if !v.exemptionQuestions.isEmpty {
            blocks.append(.paragraph("Open for an exemption:"))
            blocks.append(.list(v.exemptionQuestions.map { "\($0.question) (`\($0.fact)`)" + Self.outcomes($0) }))
        }
        if !v.unverified.isEmpty {
            blocks.append(.warning("this verdict rests on provisions not verified against an authoritative text: "
                                   + v.unverified.joined(separator: ", ") + "."))
        }
        return blocks
    }

    /// A question's outcomes in one sentence: " If yes: prohibited, no exemption; if no: prohibited,
    /// exempt until 2003-01-01 (SCM Agreement, Art 27.2(b))." (empty when it has none).
    static func outcomes(_ q: Question) -> String {
        guard !q.outcomes.isEmpty else { return "" }
        let parts = q.outcomes.map { o -> String in
            let answer: String = switch o.answer {
            case .bool(let b): b ? "yes" : "no"
            case .list(let items) where items.count == 1: items[0]
            case .unknown, .text, .list, .date, .number: FactText.describe(o.answer)
            }
            var then = o.category
            if o.category != "undetermined" {
                if let e = o.exemption {
                    let until = e.until.flatMap { $0.description.hasPrefix("9999") ? nil : " until \($0)" } ?? ""
                    then += ", exempt\(until) (\(e.citation))"
                } else if o.category == "prohibited" {
                    then += ", no exemption"
                }
            }
            return "if \(answer): \(then)"
        }
        let text = parts.joined(separator: "; ")
        return " " + text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// The exceptions weighed against the deciding rules; listed transitional exemptions the measure
    /// does not claim are summed up in one line.
    private func considered(_ items: [ConsideredException]) -> [Block] {
        guard !items.isEmpty else { return [] }
        func failsOn(_ path: String, _ item: ConsideredException) -> Bool {
            if item.isExemption, case .failed(.test(_, path: path?, _, _, _)) = item.because { return true }
            return false
        }
        let unclaimed = items.filter { failsOn("transitional_measures", $0) }
        let otherMembers = items.filter { failsOn("member_state", $0) }
        var lines = items.filter { !unclaimed.contains($0) && !otherMembers.contains($0) }
            .map { "\($0.rule): \($0.status.rawValue) — \($0.reason)" }
        if !unclaimed.isEmpty {
            lines.append("\(unclaimed.count) listed exemption(s) not claimed in `transitional_measures`: "
                         + unclaimed.map(\.rule).joined(separator: ", "))
        }
        if !otherMembers.isEmpty {
            lines.append("\(otherMembers.count) listed exemption(s) of other member states: "
                         + otherMembers.map(\.rule).joined(separator: ", "))
        }
        return [.paragraph("Exceptions considered:"), .list(lines)]
    }

    /// Markdown: blocks separated by blank lines. Text: headings flush left, the rest indented.
    private func write(_ blocks: [Block]) -> String {
        switch style {
        case .markdown:
            return blocks.map { block -> String in
                switch block {
                case .heading(let level, let text): String(repeating: "#", count: level) + " " + text + "\n"
                case .paragraph(let text): text + "\n"
                case .list(let items): items.map { "- " + $0 + "\n" }.joined()
                case .warning(let text): "> **Warning:** " + text + "\n"
                }
            }.joined(separator: "\n")
        case .text:
            var out = ""
            for block in blocks {
                switch block {
                case .heading(1, let text): out += text + "\n"
                case .heading(_, let text): out += "\n" + text + "\n"
                case .paragraph(let text): out += "  " + text + "\n"
                case .list(let items): out += items.map { "    - " + $0 + "\n" }.joined()
                case .warning(let text): out += "  WARNING: " + text + "\n"
                }
            }
            return out
        }
    }

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
