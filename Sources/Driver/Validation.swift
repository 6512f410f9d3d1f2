public import Diagnostics
public import Measures
public import YAMLLoader
import Schedules

/// What reading a set of measure paths produced.
public struct MeasureLoad: Sendable {
    public var measures: [Measure] = []
    public var diagnostics: [Diagnostic] = []
    /// The texts of the files with diagnostics, for quoting their lines.
    public var sources: [String: SourceText] = [:]
    /// Notification schedule files met on the way (validated as schedules, holding no measures).
    public var scheduleFiles: [String] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Keeps a file's text for quoting its lines, only when it has something to quote.
    mutating func keepSource(_ path: String, _ bytes: [UInt8], if diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        sources[path] = SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
    }
}

/// Reads measure files and folders: `*.yaml`, `*.yml` and Markdown drafts with front matter.
public struct MeasureReader: Sendable {
    public var limits: YAMLLimits
    /// What a measure may state: the rule corpus's vocabulary (``RuleGraph/vocabulary``).
    public var vocabulary: MeasureVocabulary
    public static let extensions = [".yaml", ".yml", ".md", ".markdown"]

    public init(vocabulary: MeasureVocabulary, limits: YAMLLimits = .default) {
        self.vocabulary = vocabulary
        self.limits = limits
    }

    /// The YAML loader every file is read with, under ``limits``.
    public var loader: YAMLLoader { YAMLLoader(limits: limits) }

    /// Expands folders into the measure files under them (sorted); files are kept as given.
    public func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path in
            FileSystem.isDirectory(path) ? FileSystem.files(under: path, extensions: Self.extensions) : [path]
        }
    }

    /// What reading one input file gave.
    public enum FileRead: Sendable {
        /// The path could not be read (missing, a folder, not a regular file).
        case unreadable(Diagnostic)
        /// Prose Markdown (no front matter) met while walking a folder: not a draft.
        case skipped
        /// A notification schedule file, validated as one.
        case schedule(diagnostics: [Diagnostic], bytes: [UInt8])
        /// A measure file (YAML or Markdown front matter) and its problems.
        case measures([Measure], diagnostics: [Diagnostic], bytes: [UInt8])
    }

    /// Reads one file: measures, a schedule, or a reason it holds neither. `named` is whether the
    /// user named the file (a named Markdown file must carry front matter).
    public func readFile(_ path: String, named: Bool) -> FileRead {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, limit: limits.maxBytes)
        } catch {
            return .unreadable(Diagnostic(
                id: "input.unreadable", message: Self.message(error),
                range: SourceRange(file: path, at: SourceLocation(line: 0, column: 0))))
        }
        if !named, MeasureSource.isMarkdown(path), FrontMatter.extract(from: bytes) == nil { return .skipped }
        if !MeasureSource.isMarkdown(path), Self.looksLikeSchedule(bytes) {
            return .schedule(diagnostics: ScheduleSource.load(bytes: bytes, path: path, loader: loader).diagnostics, bytes: bytes)
        }
        let (measures, diagnostics) = MeasureSource.load(bytes: bytes, path: path, vocabulary: vocabulary, loader: loader)
        return .measures(measures, diagnostics: diagnostics, bytes: bytes)
    }

    /// Reads and decodes every measure under `paths`, collecting every problem. Markdown files found
    /// by walking a folder are read only when they carry front matter (a README is not a draft);
    /// a Markdown file named directly must carry it.
    public func read(_ paths: [String]) -> MeasureLoad {
        var load = MeasureLoad()
        let named = Set(paths)
        for path in expand(paths) {
            switch readFile(path, named: named.contains(path)) {
            case .unreadable(let diagnostic):
                load.diagnostics.append(diagnostic)
            case .skipped:
                continue
            case .schedule(let diagnostics, let bytes):
                load.keepSource(path, bytes, if: diagnostics)
                load.scheduleFiles.append(path)
                load.diagnostics += diagnostics
            case .measures(let measures, let diagnostics, let bytes):
                load.keepSource(path, bytes, if: diagnostics)
                load.measures += measures
                load.diagnostics += diagnostics
            }
        }
        load.diagnostics.sort(by: Diagnostic.sortKey)
        return load
    }

    /// A notification schedule file (Docs/schedule-file.md) has a top-level `submissions:` key; a
    /// measure never does.
    static func looksLikeSchedule(_ bytes: [UInt8]) -> Bool {
        let key = Array("submissions:".utf8)
        var lineStart = 0
        while lineStart + key.count <= bytes.count {
            if bytes[lineStart..<(lineStart + key.count)].elementsEqual(key) { return true }
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return false }
            lineStart = newline + 1
        }
        return false
    }

    static func message(_ error: FileSystem.Failure) -> String {
        switch error {
        case .unreadable(_, let reason): "cannot read the file: \(reason)"
        case .notAFile: "is a folder, not a measure file"
        }
    }
}
