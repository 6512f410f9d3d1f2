public import Diagnostics
public import YAMLLoader

/// Reads the measures of one file: a YAML stream (one measure per document) or a Markdown draft
/// whose YAML front matter holds a measure, with line numbers true to the Markdown file.
public enum MeasureSource {
    /// Whether `path` names a Markdown draft.
    public static func isMarkdown(_ path: String) -> Bool {
        path.hasSuffix(".md") || path.hasSuffix(".markdown")
    }

    public static func load(
        bytes: [UInt8], path: String, loader: YAMLLoader = YAMLLoader()
    ) -> (measures: [Measure], diagnostics: [Diagnostic]) {
        var yaml = bytes
        var lineOffset = 0
        if isMarkdown(path) {
            guard let front = FrontMatter.extract(from: bytes) else {
                let d = Diagnostic(
                    id: "measure.no-front-matter",
                    message: "the Markdown draft has no YAML front matter (a first line '---', the measure, a line '---')",
                    range: SourceRange(file: path, at: SourceLocation(line: 1, column: 1)))
                return ([], [d])
            }
            yaml = front.yaml
            lineOffset = front.lineOffset
        }
        let loaded = loader.load(yaml, file: path, lineOffset: lineOffset)
        var diagnostics = loaded.diagnostics
        var measures: [Measure] = []
        if loaded.documents.isEmpty, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(id: "measure.empty", message: "the file holds no measure",
                                          range: SourceRange(file: path, at: SourceLocation(line: 1 + lineOffset, column: 1))))
        }
        let decoder = MeasureDecoder()
        for document in loaded.documents {
            let (measure, problems) = decoder.decode(document, file: path)
            diagnostics += problems
            if let measure { measures.append(measure) }
        }
        return (measures, diagnostics)
    }
}
