public import Engine
import Measures
import RuleCompiler

/// `subsidy classify` as a short legal memo, in plain text or Markdown: first the conclusion in
/// plain words (per regime what the measure is, why, what to do; the notifications owed), then
/// the proof (the rules, facts and exceptions behind each verdict, with rule ids and fact paths).
public struct ClassificationMemo {
    public enum Style: Sendable { case text, markdown }

    public let style: Style
    /// Titles of the measures by id, for the memo's heading.
    public let titles: [String: String]
    /// Titles of the rules by id, for the conclusion's "why".
    public let ruleTitles: [String: String]
    /// Whether the proof lists the provisions not in force on the date one by one (`--verbose`).
    public let verbose: Bool
    /// The question the measure vocabulary asks for each fact path (for conditional notifications).
    public let factQuestions: [String: String]

    public init(
        style: Style, titles: [String: String], ruleTitles: [String: String] = [:], verbose: Bool = false,
        factQuestions: [String: String] = [:]
    ) {
        self.factQuestions = factQuestions
        self.style = style
        self.titles = titles
        self.ruleTitles = ruleTitles
        self.verbose = verbose
    }

    public func render(_ results: [Classification]) -> String {
        results.map(render).joined(separator: style == .markdown ? "\n---\n\n" : "\n")
    }

    /// A piece of the memo: a heading, a paragraph, a list, or a warning.
    private typealias Block = MemoBlock

    private func render(_ c: Classification) -> String {
        let title = titles[c.measureID].map { " — \($0)" } ?? ""
        var blocks: [Block] = [.heading(1, "\(c.measureID)\(title)"), .paragraph("File: \(c.file). As of \(c.asOf).")]
        blocks += conclusion(c)
        blocks.append(.heading(2, "Proof"))
        for v in c.verdicts { blocks += verdict(v) }
        if let note = StrictnessComparison.note(c.verdicts) {
            blocks.append(.paragraph(bold("Stricter regime:") + " " + note))
        }
        blocks.append(.heading(3, "Notifications"))
        if c.obligations.isEmpty {
            blocks.append(.paragraph(Self.noneOwed(c.asOf)))
        } else {
            blocks.append(.list(c.obligations.map(ObligationWords.full)))
        }
        return write(blocks)
    }

    /// The answer first: a paragraph per regime, then the notifications owed, in plain words.
    private func conclusion(_ c: Classification) -> [Block] {
        let words = MemoConclusion(asOf: c.asOf, ruleTitles: ruleTitles)
        var blocks: [Block] = [.heading(2, "Conclusion")]
        blocks += c.verdicts.map { .paragraph(words.regime($0)) }
        if c.obligations.isEmpty {
            blocks.append(.paragraph("Notifications: " + Self.noneOwed(c.asOf)))
        } else {
            // Conditional duties that hang on the same facts name them once, after the list.
            let conditional = c.obligations.filter { $0.status == .conditional }
            let shared = conditional.count > 1 && conditional.allSatisfy({ $0.conditionalOn == conditional[0].conditionalOn })
                ? conditional[0].conditionalOn : nil
            blocks.append(.paragraph("Notifications:"))
            blocks.append(.list(c.obligations.map { ObligationWords.plain($0, naming: shared == nil, questions: factQuestions) }))
            if let shared { blocks.append(.paragraph("Those marked conditional depend on " + ObligationWords.answers(shared, questions: factQuestions))) }
        }
        return blocks
    }

    static func noneOwed(_ asOf: CalendarDate) -> String {
        "none owed as of \(asOf) on the facts given, for the periods in which the measure grants support."
    }

    private func verdict(_ v: RegimeVerdict) -> [Block] {
        var blocks: [Block] = [.heading(3, "\(v.regime.rawValue.uppercased()): \(v.category)"
                                         + (v.grounds.isEmpty ? "" : " (\(v.grounds.joined(separator: ", ")))"))]
        if v.category == .undetermined {
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
        if v.category != .undetermined, !v.questions.isEmpty {
            blocks.append(.paragraph("Settled whatever the open facts are; these could still add a ground or change the exemption:"))
            blocks.append(.list(v.questions.map { "\($0.question) (`\($0.fact)`)" + Self.outcomes($0) }))
        }
        if !v.factsRead.isEmpty {
            let facts = v.factsRead.map { f in "\(f.path) = \(f.value)" + (f.range.map { " (line \($0.start.line))" } ?? "") }
            blocks.append(.paragraph("Facts read: " + facts.joined(separator: "; ") + "."))
        }
        blocks += considered(v.considered)
        if let e = v.exemption {
            let end = e.until.map { "; covered through \($0.adding(days: -1)) (until \($0), exclusive)" } ?? "; no end date"
            blocks.append(.paragraph(bold("Exemption:") + " \(e.rule) suspends the consequence\(end) — \(e.citation)."))
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

    /// A question's outcomes in one sentence, answers with the same verdict together: " If yes:
    /// prohibited, no exemption; if no: prohibited, exempt through 2002-12-31 (SCM Agreement, Art
    /// 27.2(b))." When no answer alone settles the verdict, one phrase says so (empty when the
    /// question has no outcomes).
    static func outcomes(_ q: Question) -> String {
        guard !q.outcomes.isEmpty else { return "" }
        if OutcomeGroup.noneSettlesAlone(q.outcomes) {
            return " No answer to this alone settles the verdict; it counts together with the other answers."
        }
        let parts = OutcomeGroup.groups(q.outcomes).map { group -> String in
            let answers = group.answers.map { answer -> String in
                switch answer {
                case .bool(let b): b ? "yes" : "no"
                case .list(let items) where items.count == 1: items[0]
                case .unknown, .text, .list, .date, .number: FactText.describe(answer)
                }
            }
            let o = group.outcome
            var then = o.category.rawValue
            if o.category != .undetermined {
                if let e = o.exemption {
                    let through = e.until.map { " through \($0.adding(days: -1))" } ?? ""
                    then += ", exempt\(through) (\(e.citation))"
                } else if o.category == .prohibited {
                    then += ", no exemption"
                }
            } else {
                then = "still undetermined"
            }
            return "if \(OutcomeGroup.sentenceList(answers, comma: ", ", last: " or ")): \(then)"
        }
        let text = parts.joined(separator: "; ")
        return " " + text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// The exceptions weighed against the deciding rules; listed transitional exemptions the measure
    /// does not claim are summed up in one line.
    private func considered(_ items: [ConsideredException]) -> [Block] {
        guard !items.isEmpty else { return [] }
        let groups = ConsideredGroups(items, verbose: verbose)
        var lines = groups.shown.map { "\($0.rule): \($0.status.rawValue) — \($0.reason)" }
        lines += Self.notInForceSummary(lapsed: groups.lapsed, notYet: groups.notYet)
        if !groups.unclaimed.isEmpty {
            lines.append("\(groups.unclaimed.count) listed exemption(s) not claimed in `transitional_measures`: "
                         + groups.unclaimed.map(\.rule).joined(separator: ", "))
        }
        if !groups.otherMembers.isEmpty {
            lines.append("\(groups.otherMembers.count) listed exemption(s) of other member states: "
                         + groups.otherMembers.map(\.rule).joined(separator: ", "))
        }
        return [.paragraph("Exceptions considered:"), .list(lines)]
    }

    /// "3 provisions that lapsed before the date were not considered" (and those not yet in force),
    /// in place of one line each (`--verbose` lists them).
    static func notInForceSummary(lapsed: Int, notYet: Int) -> [String] {
        func count(_ n: Int) -> String { n == 1 ? "1 provision that" : "\(n) provisions that" }
        var lines: [String] = []
        if lapsed > 0 { lines.append("\(count(lapsed)) lapsed before the date \(lapsed == 1 ? "was" : "were") not considered (--verbose lists them)") }
        if notYet > 0 { lines.append("\(count(notYet)) had not yet entered into force \(notYet == 1 ? "was" : "were") not considered (--verbose lists them)") }
        return lines
    }


    private func write(_ blocks: [Block]) -> String {
        MemoBlock.write(blocks, style: style, warning: (markdown: "Warning:", text: "WARNING:"))
    }

    private func bold(_ text: String) -> String { style == .markdown ? "**\(text)**" : text }
}

/// Points out which regime is stricter when the two differ.
enum StrictnessComparison {
    static func severity(_ v: RegimeVerdict) -> Int {
        switch v.category {
        case .prohibited: return v.exemption == nil ? 5 : 3
        case .actionable: return 2
        case .undetermined: return 1
        case .notApplicable, .outOfScope, .notASubsidy, .nonSpecific, .nonActionable: return 0
        }
    }

    static func note(_ verdicts: [RegimeVerdict]) -> String? {
        guard verdicts.count == 2 else { return nil }
        let (a, b) = (verdicts[0], verdicts[1])
        if let ea = a.exemption?.until, let eb = b.exemption?.until, ea != eb {
            let (first, other) = ea < eb ? (a, b) : (b, a)
            return "both regimes exempt the measure, but the \(first.regime.rawValue.uppercased()) exemption ends first "
                + "(covered through \(first.exemption!.until!.adding(days: -1)) against "
                + "\(other.exemption!.until!.adding(days: -1))); plan for the earlier date."
        }
        let (sa, sb) = (severity(a), severity(b))
        guard sa != sb, max(sa, sb) >= 2 else { return nil }
        let strict = sa > sb ? a : b, lax = sa > sb ? b : a
        func state(_ v: RegimeVerdict) -> String {
            guard let e = v.exemption else { return v.category.rawValue }
            return "\(v.category), exempt" + (e.until.map { " through \($0.adding(days: -1))" } ?? " with no end date")
                + " under \(e.rule)"
        }
        var note = "\(strict.regime.rawValue.uppercased()) (\(state(strict))) is stricter than \(lax.regime.rawValue.uppercased()) (\(state(lax)))"
        if let ended = strict.considered.first(where: { if case .ended = $0.because { true } else { false } }),
           case .ended(let date) = ended.because {
            note += "; the \(strict.regime.rawValue.uppercased()) exemption \(ended.rule) covered only through \(date.adding(days: -1))"
        }
        return note + "; the measure must satisfy both."
    }
}
