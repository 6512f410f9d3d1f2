import Diagnostics
import JSONText

/// The body of an HTTP 4xx answer: the located diagnostics of the CLI as JSON (file, line, column,
/// id, severity, message, notes), with the CLI's own rendering of them in `text`.
enum ProblemJSON {
    /// A 400 or 413 for diagnostics about the request's measure (quoted from `source` when given).
    static func response(status: Int, title: String, diagnostics: [Diagnostic], source: SourceText? = nil) -> APIResponse {
        var sources: [String: SourceText] = [:]
        if let source { sources[source.path] = source }
        let text = DiagnosticRenderer(sources: sources).render(diagnostics)
        let body = JSONValue.object([
            ("error", .string(title)),
            ("diagnostics", .array(diagnostics.map(value))),
            ("text", .string(text)),
        ])
        return .json(status, body.rendered())
    }

    /// A problem with the request itself (method, path, query), with no place in a file.
    static func request(status: Int, id: String, message: String) -> APIResponse {
        response(status: status, title: message, diagnostics: [Diagnostic(id: id, message: message, range: nil)])
    }

    static func value(_ d: Diagnostic) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let range = d.range {
            pairs += [
                ("file", .string(range.file)),
                ("line", .int(range.start.line)),
                ("column", .int(range.start.column)),
            ]
        } else {
            pairs += [("file", .null), ("line", .null), ("column", .null)]
        }
        pairs += [
            ("id", .string(d.id)),
            ("severity", .string(d.severity.rawValue)),
            ("message", .string(d.message)),
            ("notes", .array(d.notes.map(note))),
        ]
        return .object(pairs)
    }

    static func note(_ n: Note) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("message", .string(n.message))]
        if let range = n.range {
            pairs += [("file", .string(range.file)), ("line", .int(range.start.line)), ("column", .int(range.start.column))]
        }
        return .object(pairs)
    }
}
