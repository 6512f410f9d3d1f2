public import Diagnostics
public import YAMLLoader

/// Reads the measures of one file: a YAML stream (one measure per document) or a Markdown draft
/// whose YAML front matter holds a measure, with line numbers true to the Markdown file.
public enum MeasureSource {
    /// Whether `path` names a Markdown draft.
    public static func isMarkdown(_ path: String) -> Bool {
        path.hasSuffix(".md") || path.hasSuffix(".markdown")
    }

    /// A Markdown draft without front matter: `error.diagnostic` is the located
    /// `measure.no-front-matter` error, saying what was expected.
    public struct NoFrontMatter: Error {
        public let diagnostic: Diagnostic
    }

    /// The YAML of a measure file: the whole file, or a Markdown draft's front matter with the
    /// number of lines before it (to add to YAML line numbers).
    public static func yaml(of bytes: [UInt8], path: String) throws(NoFrontMatter) -> (yaml: [UInt8], lineOffset: Int) {
        guard isMarkdown(path) else { return (bytes, 0) }
        guard let front = FrontMatter.extract(from: bytes) else {
            throw NoFrontMatter(diagnostic: Diagnostic(
                id: "measure.no-front-matter",
                MeasureMessage.noFrontMatter(),
                range: SourceRange(file: path, at: SourceLocation(line: 1, column: 1))))
        }
        return (front.yaml, front.lineOffset)
    }

    public static func load(
        bytes: [UInt8], path: String, vocabulary: MeasureVocabulary, loader: YAMLLoader = YAMLLoader()
    ) -> (measures: [Measure], diagnostics: [Diagnostic]) {
        let yaml: [UInt8], lineOffset: Int
        do {
            (yaml, lineOffset) = try self.yaml(of: bytes, path: path)
        } catch {
            return ([], [error.diagnostic])
        }
        let loaded = loader.load(yaml, file: path, lineOffset: lineOffset)
        var diagnostics = loaded.diagnostics
        var measures: [Measure] = []
        if loaded.documents.isEmpty, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(id: "measure.empty", MeasureMessage.emptyFile(),
                                          range: SourceRange(file: path, at: SourceLocation(line: 1 + lineOffset, column: 1))))
        }
        let decoder = MeasureDecoder(vocabulary: vocabulary)
        for document in loaded.documents {
            let (measure, problems) = decoder.decode(document, file: path)
            diagnostics += problems
            if let measure { measures.append(measure) }
        }
        return (measures, diagnostics)
    }
}
