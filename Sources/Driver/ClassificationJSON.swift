public import JSONText
public import Engine
import Measures

/// The JSON of `subsidy classify` (Docs/cli.md, contract v1.1). Contract keys come first and keep
/// their names; the explanation is added in extra keys.
public enum ClassificationJSON {
    public static func render(_ results: [Classification]) -> String {
        let values = results.map(value)
        return (values.count == 1 ? values[0] : .array(values)).rendered()
    }

    public static func value(_ c: Classification) -> JSONValue {
        .object([
            ("measure", .object([("id", .string(c.measureID)), ("file", .string(c.file))])),
            ("as_of", .string(c.asOf.description)),
            ("verdicts", .array(c.verdicts.map(verdict))),
            ("obligations", .array(c.obligations.map(obligation))),
        ])
    }

    static func verdict(_ v: RegimeVerdict) -> JSONValue {
        .object([
            ("regime", .string(v.regime.rawValue)),
            ("category", .string(v.category.rawValue)),
            ("grounds", .array(v.grounds.map(JSONValue.string))),
            ("exemption", v.exemption.map(exemption) ?? .null),
            ("rules", .array(v.rules.map(JSONValue.string))),
            ("citations", .array(v.citations.map(JSONValue.string))),
            ("questions", .array(v.questions.map(question))),
            ("exemption_questions", .array(v.exemptionQuestions.map(question))),
            ("unverified", .array(v.unverified.map(JSONValue.string))),
            ("facts_read", .array(v.factsRead.map(fact))),
            ("notes", .array(v.notes.map { n in
                .object([("rule", .string(n.rule)), ("text", .string(n.text)), ("citation", .string(n.citation)),
                         ("met", .array(n.met.map(JSONValue.string)))])
            })),
            ("considered", .array(v.considered.map { c in
                .object([("rule", .string(c.rule)), ("status", .string(c.status.rawValue)), ("reason", .string(c.reason))])
            })),
        ])
    }

    static func exemption(_ e: ExemptionFinding) -> JSONValue {
        .object([
            ("rule", .string(e.rule)),
            ("until", e.until.map { .string($0.description) } ?? .null),
            ("citation", .string(e.citation)),
            ("verified", .bool(e.verified)),
        ])
    }

    static func question(_ q: Question) -> JSONValue {
        .object([("fact", .string(q.fact)), ("question", .string(q.question)), ("rule", .string(q.rule)), ("settles", .bool(q.settles)),
                 ("outcomes", .array(q.outcomes.map(outcome)))])
    }

    /// What one answer alone gives (contract v1.1): a yes/no answer as a boolean, a list fact's
    /// single-value answer as that value, other answers as text.
    static func outcome(_ o: QuestionOutcome) -> JSONValue {
        let answer: JSONValue = switch o.answer {
        case .bool(let b): .bool(b)
        case .list(let items) where items.count == 1: .string(items[0])
        case .unknown, .text, .list, .date, .number: .string(FactText.describe(o.answer))
        }
        var pairs: [(String, JSONValue)] = [("answer", answer), ("category", .string(o.category.rawValue)), ("exemption", .bool(o.exemption != nil))]
        if let e = o.exemption { pairs.append(("exemption_rule", .string(e.rule))) }
        return .object(pairs)
    }

    static func fact(_ f: FactRead) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("fact", .string(f.path)), ("value", .string(f.value))]
        if let r = f.range {
            pairs += [("line", .int(r.start.line)), ("column", .int(r.start.column))]
        }
        return .object(pairs)
    }

    /// An obligation (contract v1.1), then `next_due`, the v1 name of `due`, kept for its readers.
    static func obligation(_ o: ObligationDue) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("regime", .string(o.regime.rawValue)),
            ("kind", .string(o.kind)),
            ("covers", .string(o.covers)),
            ("due", .string(o.due.description)),
            ("rule", .string(o.rule)),
            ("citation", .string(o.citation)),
            ("status", .string(o.status.rawValue)),
        ]
        if o.status == .conditional { pairs.append(("conditional_on", .array(o.conditionalOn.map(JSONValue.string)))) }
        pairs.append(("next_due", .string(o.due.description)))
        return .object(pairs)
    }
}
