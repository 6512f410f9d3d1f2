public import Diagnostics
public import Measures
public import YAMLLoader

/// A Markdown measure draft: YAML front matter (after any blank lines and HTML comments) holding
/// a measure, with line numbers true to the Markdown file.
///
/// Which Markdown files are drafts: those with front matter, an unterminated front matter, or a
/// line that starts with a measure's required key (`id:`, `member_state:`) — such a file without
/// front matter is an error, never skipped. Other Markdown (a README) is prose: skipped in a
/// folder walk; named, it is an error for `validate` and `classify` and a note for `lint` (which
/// pre-commit hands every staged Markdown file).
public enum MarkdownDraft {
    /// Whether `path` names Markdown (`.md`, `.markdown`, any case).
    public static func isMarkdown(_ path: String) -> Bool {
        FileSystem.hasExtension(path, [".md", ".markdown"])
    }

    /// The draft's measures and problems, or `nil` for prose.
    public static func read(_ bytes: [UInt8], path: String, vocabulary: MeasureVocabulary, loader: YAMLLoader)
        -> (measures: [Measure], diagnostics: [Diagnostic])?
    {
        switch FrontMatter.scan(bytes) {
        case .found(let front):
            return decode(front, path: path, vocabulary: vocabulary, loader: loader)
        case .unterminated(let line):
            return ([], [Diagnostic(
                id: "measure.no-front-matter",
                InputMessage.unterminatedFrontMatter(),
                range: SourceRange(file: path, at: SourceLocation(line: line, column: 1)))])
        case .none:
            guard looksLikeDraft(bytes) else { return nil }
            return ([], [noFrontMatter(path)])
        }
    }

    /// The error for a Markdown draft without front matter, saying what is expected.
    public static func noFrontMatter(_ path: String) -> Diagnostic {
        Diagnostic(
            id: "measure.no-front-matter",
            InputMessage.noFrontMatter(),
            range: SourceRange(file: path, at: SourceLocation(line: 1, column: 1)))
    }

    /// Whether a Markdown file without front matter has a line starting with a measure's required key.
    static func looksLikeDraft(_ bytes: [UInt8]) -> Bool {
        MeasureReader.hasTopLevelKey(bytes, "id:") || MeasureReader.hasTopLevelKey(bytes, "member_state:")
    }

    private static func decode(_ front: FrontMatter, path: String, vocabulary: MeasureVocabulary, loader: YAMLLoader) -> ([Measure], [Diagnostic]) {
        let loaded = loader.load(front.yaml, file: path, lineOffset: front.lineOffset)
        var diagnostics = loaded.diagnostics
        var measures: [Measure] = []
        if loaded.documents.isEmpty, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(id: "measure.empty", InputMessage.emptyFile(),
                                          range: SourceRange(file: path, at: SourceLocation(line: 1 + front.lineOffset, column: 1))))
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
