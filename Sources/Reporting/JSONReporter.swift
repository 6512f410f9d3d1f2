import JSONText

/// A stable JSON document (format version 1):
///
/// ```json
/// {"version": 1,
///  "findings": [{"rule", "level", "message", "file", "line", "column", "end_line", "end_column",
///                "help", "notes": [{"message", "file", "line", "column"}]}],
///  "input_errors": [{"rule", "message", "file"}],
///  "summary": {"errors", "warnings", "notes", "total", "files", "input_errors", "fail_on", "failed"}}
/// ```
/// `input_errors` lists the inputs that could not be read (the run is incomplete; `failed` is true).
///
/// Keys always appear, in this order; absent values are `null`. `end_column` is exclusive.
public struct JSONReporter: Reporter {
    /// `json`.
    public static let identifier = "json"

    /// Creates a JSON reporter.
    public init() {}

    /// The JSON document, pretty-printed, ending in a newline.
    public func report(_ findings: [Finding], context: ReportContext) -> String {
        let summary = ReportSummary(findings, context: context)
        let document = JSONValue.object([
            ("version", .int(1)),
            ("findings", .array(findings.sortedForReport().map { finding($0, context: context) })),
            (
                "input_errors",
                .array(context.inputErrors.sortedForReport().map { error in
                    .object([
                        ("rule", .string(error.ruleID)), ("message", .string(error.message)),
                        ("file", .optional(error.file)),
                    ])
                })
            ),
            (
                "summary",
                .object([
                    ("errors", .int(summary.errors)),
                    ("warnings", .int(summary.warnings)),
                    ("notes", .int(summary.notes)),
                    ("total", .int(summary.total)),
                    ("files", .int(summary.files)),
                    ("input_errors", .int(summary.inputErrors)),
                    ("fail_on", .string(context.failOn.rawValue)),
                    ("failed", .bool(summary.failed)),
                ])
            ),
        ])
        return document.rendered()
    }

    private func finding(_ finding: Finding, context: ReportContext) -> JSONValue {
        let region = finding.region.map { ReportRegion($0, sources: context.sources) }
        func number(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
        let notes = finding.notes.map { note in
            JSONValue.object([
                ("message", .string(note.message)),
                ("file", .optional(note.range?.file)),
                ("line", number(note.range.flatMap { $0.start.line >= 1 ? $0.start.line : nil })),
                ("column", number(note.range.flatMap { $0.start.line >= 1 ? $0.start.column : nil })),
            ])
        }
        return .object([
            ("rule", .string(finding.ruleID)),
            ("level", .string(finding.level.rawValue)),
            ("message", .string(finding.message)),
            ("file", .optional(finding.file)),
            ("line", number(region?.startLine)),
            ("column", number(region?.startColumn)),
            ("end_line", number(region?.endLine)),
            ("end_column", number(region?.endColumn)),
            ("help", .optional(finding.help)),
            ("notes", .array(notes)),
        ])
    }
}
