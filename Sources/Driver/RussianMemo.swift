public import Engine
public import Localization
import Measures
import RuleCompiler

/// `subsidy classify --lang ru`: the memo of ``ClassificationMemo`` in legal Russian, in the same
/// order (conclusion first, then the proof). Words come from the Russian catalogue
/// (`Rules/i18n/ru/`): categories, grounds and statuses as terms, fixed sentences as `memo-*`
/// phrases, rule titles, questions and instrument names; dates as «1 июля 2016 г.», counts with
/// the right plural. Rule ids and fact paths stay as they are. Where the catalogue has no Russian
/// for a string (a condition that failed, an advice note's criteria), the English is kept.
public struct RussianMemo {
    public let style: ClassificationMemo.Style
    public let catalogue: RussianCatalogue
    /// Titles of the measures by id.
    public let titles: [String: String]
    /// The English `citation.instrument` of each rule, to name it in Russian.
    public let instruments: [String: String]
    public let verbose: Bool

    public init(style: ClassificationMemo.Style, catalogue: RussianCatalogue, titles: [String: String],
                instruments: [String: String], verbose: Bool = false) {
        self.style = style
        self.catalogue = catalogue
        self.titles = titles
        self.instruments = instruments
        self.verbose = verbose
    }

    /// The `memo-*` phrases this memo reads (`rules check` reports one that is missing).
    public static let phraseKeys = [
        "memo-file-as-of", "memo-conclusion", "memo-proof", "memo-why", "memo-what-to-do", "memo-stricter-regime",
        "memo-notifications", "memo-no-notifications", "memo-undetermined", "memo-any-answer-settles",
        "memo-rules-that-could-decide", "memo-decided-by", "memo-facts-read", "memo-line", "memo-exemption",
        "memo-exemption-suspends", "memo-note", "memo-open-for-exemption", "memo-unverified-warning", "memo-warning",
        "memo-exceptions-considered", "memo-unclaimed-exemptions", "memo-other-members-exemptions",
        "memo-unverified-conclusion", "memo-no-exemption", "memo-no-exemption-yet", "memo-exempt", "memo-through",
        "memo-no-end-date", "memo-why-undetermined", "memo-why-grounds", "memo-answer-best-first", "memo-more-in-proof",
        "memo-see-proof", "memo-claim-exemption", "memo-claim-exemption-no-end", "memo-do-prohibited",
        "memo-do-actionable-eaeu", "memo-do-actionable-wto", "memo-do-non-actionable", "memo-do-nothing", "memo-do-not-applicable", "memo-do-out-of-scope",
        "memo-exemption-may-apply", "memo-due-by", "memo-was-due-by", "memo-overdue-unless-made", "memo-conditional",
        "memo-conditional-on", "memo-conditional-shared", "memo-lapsed-not-considered", "memo-not-yet-in-force-not-considered",
        "memo-stricter-than", "memo-exempt-until", "memo-must-satisfy-both", "memo-both-exempt-earlier-end",
        "memo-covers", "memo-exemption-until", "memo-outcome-if", "memo-outcome-exempt", "memo-outcome-other", "memo-outcome-none-alone",
        "memo-outcome-still-undetermined", "memo-settled-questions",
        "regime-short-eaeu", "regime-short-wto",
        "reason-not-in-force", "reason-applies", "reason-may-apply-unknown", "reason-may-apply", "reason-ended",
        "reason-does-not-apply", "reason-predicate-false", "reason-none-of", "reason-predicate-holds",
        "reason-excluded-holds", "reason-needs-membership", "reason-member-column", "reason-always", "reason-all",
        "reason-any", "reason-not", "reason-rule", "reason-as-of", "reason-the-as-of-date", "or",
    ] + FactTest.russianPhrases

    public func render(_ results: [Classification]) -> String {
        results.map(render).joined(separator: style == .markdown ? "\n---\n\n" : "\n")
    }

    private typealias Block = MemoBlock

    /// The phrase `key` filled with `values`; the key itself in brackets when the catalogue lacks
    /// it (`rules check` reports that).
    private func p(_ key: String, _ values: [String: String] = [:]) -> String {
        catalogue.phrase(key, values) ?? "[\(key)]"
    }

    private func date(_ d: CalendarDate) -> String { RussianDate.format(d) }

    private func regime(_ regime: Regime) -> String { catalogue.phrase("regime-short-\(regime.rawValue)") ?? regime.rawValue.uppercased() }

    private func category(_ value: Category) -> String { catalogue.term(.categories, value.rawValue) ?? value.rawValue }

    private func ground(_ value: String) -> String { catalogue.term(.grounds, value) ?? value }

    private func title(_ rule: String) -> String? { catalogue.rules[rule]?.title }

    private func question(_ q: Question) -> String { catalogue.facts[q.fact]?.question ?? q.question }

    /// The rule's provision under the instrument's Russian name, or the English citation.
    private func citation(_ rule: String, english: String) -> String {
        guard let provision = catalogue.rules[rule]?.provision else { return english }
        return RussianCitation.text(provision: provision, instrument: instruments[rule], catalogue: catalogue)
    }

    private func render(_ c: Classification) -> String {
        let heading = titles[c.measureID].map { " — \($0)" } ?? ""
        var blocks: [Block] = [.heading(1, "\(c.measureID)\(heading)"),
                               .paragraph(p("memo-file-as-of", ["file": c.file, "date": date(c.asOf)]))]
        blocks += conclusion(c)
        blocks.append(.heading(2, p("memo-proof")))
        for v in c.verdicts { blocks += verdict(v) }
        if let note = stricter(c.verdicts) { blocks.append(.paragraph(bold(p("memo-stricter-regime")) + " " + note)) }
        blocks.append(.heading(3, p("memo-notifications")))
        if c.obligations.isEmpty {
            blocks.append(.paragraph(p("memo-no-notifications")))
        } else {
            blocks.append(.list(c.obligations.map(fullObligation)))
        }
        return write(blocks)
    }

    // MARK: - Conclusion

    private func conclusion(_ c: Classification) -> [Block] {
        var blocks: [Block] = [.heading(2, p("memo-conclusion"))]
        blocks += c.verdicts.map { .paragraph(regimeParagraph($0)) }
        let notifications = p("memo-notifications")
        if c.obligations.isEmpty {
            blocks.append(.paragraph(notifications + ": " + p("memo-no-notifications")))
        } else {
            let conditional = c.obligations.filter { $0.status == .conditional }
            let shared = conditional.count > 1 && conditional.allSatisfy({ $0.conditionalOn == conditional[0].conditionalOn })
                ? conditional[0].conditionalOn : nil
            blocks.append(.paragraph(notifications + ":"))
            blocks.append(.list(c.obligations.map { plainObligation($0, naming: shared == nil) }))
            if let shared { blocks.append(.paragraph(p("memo-conditional-shared", ["questions": answers(shared)]))) }
        }
        return blocks
    }

    private func regimeParagraph(_ v: RegimeVerdict) -> String {
        var text = "\(regime(v.regime)): \(state(v))."
        if let why = why(v) { text += " " + p("memo-why") + " " + why }
        text += " " + p("memo-what-to-do") + " " + action(v)
        if !v.unverified.isEmpty { text += " " + p("memo-unverified-conclusion") }
        return text
    }

    private func state(_ v: RegimeVerdict) -> String {
        let words = category(v.category)
        guard v.category == .prohibited || v.exemption != nil else { return words }
        guard let e = v.exemption else {
            return words + ", " + (v.exemptionQuestions.isEmpty ? p("memo-no-exemption") : p("memo-no-exemption-yet"))
        }
        return words + ", " + p("memo-exempt", ["term": exemptionTerm(e.until)])
    }

    /// «по 31 декабря 2020 г. включительно» (the day before the exclusive end), or «без срока окончания».
    private func exemptionTerm(_ until: CalendarDate?) -> String {
        until.map { p("memo-through", ["date": date($0.adding(days: -1))]) } ?? p("memo-no-end-date")
    }

    private func why(_ v: RegimeVerdict) -> String? {
        if v.category == .undetermined { return p("memo-why-undetermined") }
        if v.category == .prohibited, !v.grounds.isEmpty {
            return p("memo-why-grounds", ["grounds": v.grounds.map(ground).joined(separator: " и ")])
        }
        guard let title = v.rules.first.flatMap(title) else { return nil }
        return title.hasSuffix(".") ? title : title + "."
    }

    private func action(_ v: RegimeVerdict) -> String {
        if v.category == .undetermined {
            let top = v.questions.prefix(3).map(question)
            guard !top.isEmpty else { return p("memo-see-proof") }
            let rest = v.questions.count - top.count
            let more = rest > 0 ? " " + p("memo-more-in-proof", ["count": RussianNoun.question.counted(rest)]) : ""
            return p("memo-answer-best-first") + " " + top.joined(separator: " ") + more
        }
        if let e = v.exemption {
            let name = title(e.rule).map { " («\($0)»)" } ?? ""
            guard let until = e.until else { return p("memo-claim-exemption-no-end", ["title": name]) }
            return p("memo-claim-exemption", ["title": name, "date": date(until)])
        }
        var text: String
        switch v.category {
        case .prohibited: text = p("memo-do-prohibited")
        case .actionable: text = v.regime == .wto ? p("memo-do-actionable-wto") : p("memo-do-actionable-eaeu")
        case .nonActionable: text = p("memo-do-non-actionable")
        case .notApplicable: text = p("memo-do-not-applicable")
        case .outOfScope: text = p("memo-do-out-of-scope")
        case .notASubsidy, .nonSpecific, .undetermined: text = p("memo-do-nothing")
        }
        if !v.exemptionQuestions.isEmpty {
            text += " " + p("memo-exemption-may-apply") + " " + v.exemptionQuestions.map(question).joined(separator: " ")
        }
        return text
    }

    // MARK: - Notifications

    private func kind(_ o: ObligationDue) -> String { catalogue.term(.obligationKinds, o.kind) ?? o.kind }

    private func plainObligation(_ o: ObligationDue, naming: Bool) -> String {
        let line = "\(regime(o.regime)): \(kind(o)) \(p("memo-covers", ["period": Self.period(o.covers)])), "
            + (o.past ? p("memo-was-due-by", ["date": date(o.due)]) : p("memo-due-by", ["date": date(o.due)]))
        switch o.status {
        case .due: return line
        case .overdue: return line + " " + p("memo-overdue-unless-made")
        case .conditional:
            guard naming else { return line + " " + p("memo-conditional") }
            return line + " — " + p("memo-conditional-on", ["questions": answers(o.conditionalOn)])
        }
    }

    /// A period as Russian texts write it: «2026 г.», «I квартал 2026 г.», «II полугодие 2026 г.»,
    /// «2025–2026 гг.»; any
    /// other form as given.
    /// A number as Russian writes it: whole numbers without a decimal part, else a decimal comma
    /// (`75`, `0,5`).
    static func number(_ n: Double) -> String {
        (n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)).replacingOccurrences(of: ".", with: ",")
    }

    static func period(_ covers: String) -> String {
        let parts = covers.split(separator: "-")
        if parts.count == 1, let year = Int(covers) { return "\(year) г." }
        if parts.count == 2, let year = Int(parts[0]), parts[1].count == 2, parts[1].first == "Q",
           let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) {
            return "\(["I", "II", "III", "IV"][quarter - 1]) квартал \(year) г."
        }
        if parts.count == 2, let year = Int(parts[0]), parts[1] == "H1" || parts[1] == "H2" {
            return "\(parts[1] == "H1" ? "I" : "II") полугодие \(year) г."
        }
        let years = covers.split(separator: "/")
        if years.count == 2, let a = Int(years[0]), let b = Int(years[1]) { return "\(a)–\(b) гг." }
        return covers
    }

    /// The questions of `facts` (a fact with no Russian question is named by its path).
    private func answers(_ facts: [String]) -> String {
        facts.map { catalogue.facts[$0]?.question ?? "`\($0)`" }.joined(separator: " ")
    }

    private func fullObligation(_ o: ObligationDue) -> String {
        var status = catalogue.term(.obligationStatuses, o.status.rawValue) ?? o.status.rawValue
        if o.status == .conditional { status += ": " + o.conditionalOn.map { "`\($0)`" }.joined(separator: ", ") }
        return "\(regime(o.regime)): \(kind(o)) \(p("memo-covers", ["period": Self.period(o.covers)])); \(p("memo-due-by", ["date": date(o.due)])); "
            + "\(status) — \(citation(o.rule, english: o.citation)) [\(o.rule)]"
    }

    // MARK: - Proof

    private func verdict(_ v: RegimeVerdict) -> [Block] {
        let grounds = v.grounds.isEmpty ? "" : " (" + v.grounds.map(ground).joined(separator: "; ") + ")"
        var blocks: [Block] = [.heading(3, "\(regime(v.regime)): \(category(v.category))\(grounds)")]
        if v.category == .undetermined {
            blocks.append(.paragraph(p("memo-undetermined")))
            blocks.append(.list(v.questions.enumerated().map { i, q in
                "\(i + 1). \(question(q)) (`\(q.fact)`\(q.settles ? "; " + p("memo-any-answer-settles") : ""); \(q.rule))"
                    + outcomes(q)
            }))
            if !v.rules.isEmpty {
                blocks.append(.paragraph(p("memo-rules-that-could-decide", ["rules": v.rules.joined(separator: ", ")])))
            }
        } else {
            blocks.append(.paragraph(p("memo-decided-by")))
            blocks.append(.list(v.rules.indices.map { i in
                let english = i < v.citations.count ? v.citations[i] : ""
                return v.rules[i] + (title(v.rules[i]).map { " «\($0)»" } ?? "") + " — " + citation(v.rules[i], english: english)
            }))
        }
        if v.category != .undetermined, !v.questions.isEmpty {
            blocks.append(.paragraph(p("memo-settled-questions")))
            blocks.append(.list(v.questions.map { "\(question($0)) (`\($0.fact)`)" + outcomes($0) }))
        }
        if !v.factsRead.isEmpty {
            let facts = v.factsRead.map { f in
                "\(f.path) = \(["true", "false", "unknown"].contains(f.value) ? catalogue.term(.answers, f.value) ?? f.value : f.value)" + (f.range.map { " (" + p("memo-line", ["line": "\($0.start.line)"]) + ")" } ?? "")
            }
            blocks.append(.paragraph(p("memo-facts-read", ["facts": facts.joined(separator: "; ")])))
        }
        blocks += considered(v.considered)
        if let e = v.exemption {
            let end = e.until.map { p("memo-exemption-until", ["date": date($0)]) } ?? p("memo-no-end-date")
            blocks.append(.paragraph(bold(p("memo-exemption")) + " " + p("memo-exemption-suspends", ["rule": e.rule]) + " " + end
                                     + " — " + citation(e.rule, english: e.citation) + "."))
        }
        for n in v.notes {
            // A note's title may itself begin «Примечание:» or «Предупреждение:»; the label is not repeated.
            let title = title(n.rule).map { $0.hasPrefix("Примечание: ") ? String($0.dropFirst("Примечание: ".count)) : $0 }
            let text = title.map { $0.hasSuffix(".") ? $0 : $0 + "." } ?? n.text
            blocks.append(.paragraph(bold(p("memo-note")) + " " + text + " (" + citation(n.rule, english: n.citation) + "; \(n.rule))"))
        }
        if !v.exemptionQuestions.isEmpty {
            blocks.append(.paragraph(p("memo-open-for-exemption")))
            blocks.append(.list(v.exemptionQuestions.map { "\(question($0)) (`\($0.fact)`)" + outcomes($0) }))
        }
        if !v.unverified.isEmpty {
            blocks.append(.warning(p("memo-unverified-warning", ["rules": v.unverified.joined(separator: ", ")])))
        }
        return blocks
    }

    /// A question's outcomes in one sentence, as ``ClassificationMemo/outcomes(_:)`` gives them in
    /// English: « При ответе «да»: запрещённая субсидия, изъятия не применяются; при ответе «нет»:
    /// запрещённая субсидия, действует изъятие по 31 декабря 2002 г. включительно (…).» (empty
    /// when it has none).
    private func outcomes(_ q: Question) -> String {
        guard !q.outcomes.isEmpty else { return "" }
        if OutcomeGroup.noneSettlesAlone(q.outcomes) { return " " + p("memo-outcome-none-alone") }
        let parts = OutcomeGroup.groups(q.outcomes).map { group -> String in
            let answers = group.answers.map { answer -> String in
                switch answer {
                case .bool(let b): catalogue.term(.answers, b ? "true" : "false") ?? (b ? "да" : "нет")
                case .list(let items) where items.count == 1: answerWord(items[0])
                case .text(let value): answerWord(value)
                case .unknown: catalogue.term(.answers, "unknown") ?? "неизвестно"
                case .list, .date, .number: FactText.describe(answer)
                }
            }
            let o = group.outcome
            var then = category(o.category)
            if o.category != .undetermined {
                if let e = o.exemption {
                    let term = e.until.map { " " + exemptionTerm($0) } ?? ""
                    then += ", " + p("memo-outcome-exempt", ["term": term, "citation": citation(e.rule, english: e.citation)])
                } else if o.category == .prohibited {
                    then += ", " + p("memo-no-exemption")
                }
            } else {
                then = p("memo-outcome-still-undetermined")
            }
            return p("memo-outcome-if", ["answer": OutcomeGroup.sentenceList(answers, comma: "», «", last: "» или «"), "then": then])
        }
        let text = parts.joined(separator: "; ")
        return " " + text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// A choice as the catalogue words it (`in-law` → «юридически …»), «иное значение» for a value none
    /// of the rules names, else the value itself (a member code).
    private func answerWord(_ value: String) -> String {
        value == "(other)" ? p("memo-outcome-other") : catalogue.term(.answers, value) ?? value
    }

    private func considered(_ items: [ConsideredException]) -> [Block] {
        guard !items.isEmpty else { return [] }
        let groups = ConsideredGroups(items, verbose: verbose)
        var lines = groups.shown.map { "\($0.rule): \(reason($0))" }
        if groups.lapsed > 0 { lines.append(p("memo-lapsed-not-considered", ["count": RussianNoun.provision.counted(groups.lapsed)])) }
        if groups.notYet > 0 { lines.append(p("memo-not-yet-in-force-not-considered", ["count": RussianNoun.provision.counted(groups.notYet)])) }
        let unclaimed = groups.unclaimed, otherMembers = groups.otherMembers
        if !unclaimed.isEmpty {
            lines.append(p("memo-unclaimed-exemptions", ["count": "\(unclaimed.count)", "rules": unclaimed.map(\.rule).joined(separator: ", ")]))
        }
        if !otherMembers.isEmpty {
            lines.append(p("memo-other-members-exemptions", ["count": "\(otherMembers.count)", "rules": otherMembers.map(\.rule).joined(separator: ", ")]))
        }
        return [.paragraph(p("memo-exceptions-considered")), .list(lines)]
    }

    /// Why an exception did or did not apply, from the reason's structured parts; a failed
    /// condition test has no Russian words yet and is kept in English.
    private func reason(_ item: ConsideredException) -> String {
        switch item.because {
        case .notInForce(let range, let on):
            let span = "с \(date(range.from))" + (range.until.map { " по \(date($0.adding(days: -1)))" } ?? "")
            return p("reason-not-in-force", ["date": date(on), "range": span])
        case .applies(let english):
            return p("reason-applies", ["title": title(item.rule) ?? english])
        case .open(let facts):
            return facts.isEmpty ? p("reason-may-apply-unknown") : p("reason-may-apply", ["facts": facts.joined(separator: ", ")])
        case .failed(let part):
            guard let words = self.part(part) else { return item.reason }
            return p("reason-does-not-apply", ["why": words])
        case .ended(let end):
            return p("reason-ended", ["date": date(end)])
        }
    }

    private func part(_ part: Reason.Part) -> String? {
        switch part {
        case .rule(let id, let english):
            return p("reason-predicate-false", ["id": id, "title": title(id) ?? english])
        case .holds(.rule(let id, let english)):
            return p("reason-predicate-holds", ["id": id, "title": title(id) ?? english])
        case .noneOf(let parts):
            let words = parts.compactMap(self.part)
            guard words.count == parts.count else { return nil }
            return p("reason-none-of", ["conditions": words.joined(separator: "; ")])
        case .holds(let inner):
            return self.part(inner).map { p("reason-excluded-holds", ["condition": $0]) }
        case .test(let node, let path, let value, let table, let asOf):
            return test(node, path: path, value: value, table: table, asOf: asOf)
        }
    }

    /// A failed test in Russian: «forms = [grant] (допускаются только значения: …)», «period.from =
    /// 2026-05-01 (требуется дата ранее 1 января 2012 г.)»; `nil` when the operator has no Russian
    /// words (the English is kept).
    private func test(_ node: ExprNode, path: String?, value: FactValue?, table: String?, asOf: CalendarDate) -> String? {
        let tableName = table.map { catalogue.titles[$0]?.text ?? $0 } ?? "?"
        func literal(_ text: String) -> String { ["true", "false", "unknown"].contains(text) ? catalogue.term(.answers, text) ?? text : text }
        func fact() -> String? {
            guard let path else { return nil }
            return path + " = " + literal(FactRead(path: path, fact: value ?? .unknown, range: nil).value)
        }
        let or = " " + (catalogue.phrase("or") ?? "или") + " "
        switch node {
        case .always: return p("reason-always")
        case .all: return p("reason-all")
        case .any: return p("reason-any")
        case .not: return p("reason-not")
        case .rule: return p("reason-rule")
        case .asOf(let comparison, let day):
            return p("reason-as-of", ["date": date(asOf)]) + " " + p(DateTest.russianPhrase(comparison), ["date": date(day)])
        case .memberAttribute(_, let column, let values):
            return p("reason-member-column", ["column": column, "table": tableName,
                                              "values": values.map { literal($0.description) }.joined(separator: or)])
        case .fact(_, let test):
            // The operator's message (Sources/RuleCompiler/Operators/).
            let op = test.op
            guard let phrase = op.russianPhrase else { return nil }
            let arguments = op.russianArguments.mapValues { argument in
                switch argument {
                case .text(let text): text
                case .literals(let values): values.map(literal).joined(separator: or)
                case .table(let id): catalogue.titles[id]?.text ?? id
                case .date(let day?): date(day)
                case .date(nil): p("reason-the-as-of-date", ["date": date(asOf)])
                case .number(let n): Self.number(n)
                }
            }
            return fact().map { $0 + " " + p(phrase, arguments) }
        case .memberOf:
            return fact().map { $0 + " " + p("reason-needs-membership", ["table": tableName, "date": date(asOf)]) }
        }
    }

    // MARK: - Stricter regime

    private func stricter(_ verdicts: [RegimeVerdict]) -> String? {
        guard verdicts.count == 2 else { return nil }
        let (a, b) = (verdicts[0], verdicts[1])
        if let ea = a.exemption?.until, let eb = b.exemption?.until, ea != eb {
            let (first, other) = ea < eb ? (ea, eb) : (eb, ea)
            return p("memo-both-exempt-earlier-end", ["regime": regime(ea < eb ? a.regime : b.regime),
                                                     "first": date(first.adding(days: -1)), "second": date(other.adding(days: -1))])
        }
        let (sa, sb) = (StrictnessComparison.severity(a), StrictnessComparison.severity(b))
        guard sa != sb, max(sa, sb) >= 2 else { return nil }
        let strict = sa > sb ? a : b, lax = sa > sb ? b : a
        func state(_ v: RegimeVerdict) -> String {
            guard let e = v.exemption else { return category(v.category) }
            return p("memo-exempt-until", ["category": category(v.category), "term": exemptionTerm(e.until), "rule": e.rule])
        }
        return p("memo-stricter-than", ["strict": regime(strict.regime), "strict_state": state(strict),
                                         "lax": regime(lax.regime), "lax_state": state(lax)])
            + "; " + p("memo-must-satisfy-both")
    }

    // MARK: - Layout (as ClassificationMemo)

    private func write(_ blocks: [Block]) -> String {
        MemoBlock.write(blocks, style: style, warning: (markdown: p("memo-warning"), text: p("memo-warning")))
    }

    private func bold(_ text: String) -> String { style == .markdown ? "**\(text)**" : text }
}
