import Diagnostics
import JSONText
import Measures
public import Schedules

/// The JSON of `subsidy deadlines` and `subsidy schedule check` (Docs/cli.md, contract v1.1).
/// Contract keys come first and keep their names; extra keys follow.
public enum ScheduleJSON {
    /// `[{"regime", "kind", "covers", "due", "rule", "citation", ...}]`.
    public static func deadlines(_ list: [PlannedDeadline]) -> String {
        JSONValue.array(list.map(deadline)).rendered()
    }

    static func deadline(_ d: PlannedDeadline) -> JSONValue {
        .object([
            ("regime", .string(d.regime.rawValue)),
            ("kind", .string(d.kind)),
            ("covers", .string(d.covers)),
            ("due", .string(d.due.description)),
            ("rule", .string(d.rule)),
            ("citation", .string(d.citation)),
            ("calendar", .string(d.deadline.calendar)),
            ("period", .object([
                ("from", .string(d.deadline.periodStart.description)),
                ("until", .string(d.deadline.periodEnd.description)),
            ])),
            ("uid", .string(ICSWriter.uid(d))),
        ])
    }

    /// `{"member", "as_of", "obligations": [...], "window", "findings": [...]}`.
    public static func report(_ r: ScheduleReport) -> String {
        JSONValue.object([
            ("member", .string(r.member)),
            ("as_of", .string(r.asOf.description)),
            ("obligations", .array(r.obligations.map(obligation))),
            ("window", .object([("from", .string(r.from.description)), ("until", .string(r.until.description))])),
            ("findings", .array(r.findings.map(finding))),
        ]).rendered()
    }

    static func obligation(_ o: ObligationStatus) -> JSONValue {
        .object([
            ("regime", .string(o.deadline.regime.rawValue)),
            ("kind", .string(o.deadline.kind)),
            ("covers", .string(o.deadline.covers)),
            ("due", .string(o.deadline.due.description)),
            ("status", .string(o.status.rawValue)),
            ("submitted", o.submission.map { .string($0.submitted.description) } ?? .null),
            ("days_late", o.daysLate.map { .number(Double($0)) } ?? .null),
            ("missing_measures", .array(o.missingMeasures.map(JSONValue.string))),
            ("rule", .string(o.deadline.rule)),
            ("citation", .string(o.deadline.citation)),
            ("document", o.submission?.document.map(JSONValue.string) ?? .null),
        ])
    }

    static func finding(_ f: ScheduleFinding) -> JSONValue {
        .object([
            ("finding", .string(f.kind.rawValue)),
            ("message", .string(f.message)),
            ("regime", .string(f.submission.regime.rawValue)),
            ("kind", .string(f.submission.kind)),
            ("covers", .string(f.submission.covers)),
            ("submitted", .string(f.submission.submitted.description)),
            ("file", .string(f.range.file)),
            ("line", .number(Double(f.range.start.line))),
            ("column", .number(Double(f.range.start.column))),
            ("related", f.related.map(location) ?? .null),
        ])
    }

    /// `{"file", "line", "column"}` of a range's start.
    static func location(_ range: SourceRange) -> JSONValue {
        .object([
            ("file", .string(range.file)),
            ("line", .number(Double(range.start.line))),
            ("column", .number(Double(range.start.column))),
        ])
    }
}
