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

/// The files a set of paths names: files as given, folders walked.
public struct MeasureInputs: Sendable {
    /// Every file to read, in the order given (a folder's files sorted).
    public var files: [String] = []
    /// The files the user named (not found by walking a folder).
    public var named: Set<String> = []
    /// Paths under a folder that could not be walked (`input.unreadable` errors).
    public var problems: [Diagnostic] = []
}

/// Reads measure files and folders: `*.yaml`, `*.yml` and Markdown drafts with front matter.
public struct MeasureReader: Sendable {
    public var limits: YAMLLimits
    /// What a measure may state: the rule corpus's vocabulary (``RuleGraph/vocabulary``).
    public var vocabulary: MeasureVocabulary
    /// The names of measure files, compared ignoring case.
    public static let extensions = [".yaml", ".yml", ".md", ".markdown"]
    /// How folders are listed.
    public var lister: any FileSystem.Lister

    public init(
        vocabulary: MeasureVocabulary, limits: YAMLLimits = .default,
        lister: any FileSystem.Lister = FileSystem.SystemLister()
    ) {
        self.vocabulary = vocabulary
        self.limits = limits
        self.lister = lister
    }

    /// The YAML loader every file is read with, under ``limits``.
    public var loader: YAMLLoader { YAMLLoader(limits: limits) }

    /// Expands folders into the measure files under them (sorted); files are kept as given.
    public func expand(_ paths: [String]) -> [String] { inputs(paths).files }

    /// Expands folders into the measure files under them, with every path that could not be walked.
    /// A file reached twice (named and under a named folder, or by two names) is read once.
    public func inputs(_ paths: [String]) -> MeasureInputs {
        var out = MeasureInputs()
        var seen = Set<String>()
        func add(_ file: String) {
            if seen.insert(FileSystem.realPath(file) ?? file).inserted { out.files.append(file) }
        }
        for path in paths {
            guard FileSystem.isDirectory(path) else {
                if !out.named.contains(path) { add(path) }
                out.named.insert(path)
                continue
            }
            let walk = FileSystem.walk(path, extensions: Self.extensions, lister: lister)
            walk.files.forEach(add)
            out.problems += walk.problems.map { failure in
                Diagnostic(id: "input.unreadable", InputMessage.reason(failure.reason),
                           range: SourceRange(file: failure.path, at: SourceLocation(line: 0, column: 0)))
            }
        }
        return out
    }

    /// What reading one input file gave.
    public enum FileRead: Sendable {
        /// The path could not be read (missing, a folder, not a regular file).
        case unreadable(Diagnostic)
        /// Prose Markdown (no front matter, nothing that looks like a measure) met while walking a folder.
        case skipped
        /// Prose Markdown the user named: an error for `validate` and `classify`, a note for `lint`.
        case prose
        /// Not a measure file but one of the tool's own: the lint config, or a baseline. Never linted.
        case toolFile(reason: String)
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
                id: "input.unreadable", Self.text(error),
                range: SourceRange(file: path, at: SourceLocation(line: 0, column: 0))))
        }
        if let reason = Self.toolFileReason(path, bytes) { return .toolFile(reason: reason) }
        if MarkdownDraft.isMarkdown(path) {
            let draft = MarkdownDraft.read(bytes, path: path, vocabulary: vocabulary, loader: loader)
            guard let draft else { return named ? .prose : .skipped }
            return .measures(draft.measures, diagnostics: draft.diagnostics, bytes: bytes)
        }
        if Self.looksLikeSchedule(bytes) {
            return .schedule(diagnostics: ScheduleSource.load(bytes: bytes, path: path, loader: loader).diagnostics, bytes: bytes)
        }
        let (measures, diagnostics) = MeasureSource.load(bytes: bytes, path: path, vocabulary: vocabulary, loader: loader)
        return .measures(measures, diagnostics: diagnostics, bytes: bytes)
    }

    /// Reads and decodes every measure under `paths`, collecting every problem. Markdown files found
    /// by walking a folder are read only when they carry front matter or look like a draft (a
    /// README is not a draft); a Markdown file named directly must carry it. Measure ids must be
    /// unique across every file read.
    public func read(_ paths: [String]) -> MeasureLoad {
        var load = MeasureLoad()
        let inputs = inputs(paths)
        load.diagnostics += inputs.problems
        for path in inputs.files {
            switch readFile(path, named: inputs.named.contains(path)) {
            case .unreadable(let diagnostic):
                load.diagnostics.append(diagnostic)
            case .skipped:
                continue
            case .toolFile(let reason):
                // Named (a folder walk passes over these quietly): say it was not read.
                if inputs.named.contains(path) {
                    load.diagnostics.append(Diagnostic(
                        id: "input.not-a-measure", severity: .note, InputMessage.notRead(["reason": .text(reason)]),
                        range: SourceRange(file: path, at: SourceLocation(line: 0, column: 0))))
                }
            case .prose:
                load.diagnostics.append(MarkdownDraft.noFrontMatter(path))
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
        let duplicates = DuplicateIDs.diagnostics(load.measures.map { ($0.id, $0.range) })
        for d in duplicates where load.sources[d.range?.file ?? ""] == nil {
            if let file = d.range?.file, let bytes = try? FileSystem.read(file, limit: limits.maxBytes) {
                load.keepSource(file, bytes, if: [d])
            }
        }
        load.diagnostics += duplicates
        load.diagnostics.sort(by: Diagnostic.sortKey)
        return load
    }

    /// A notification schedule file (Docs/schedule-file.md) has a top-level `submissions:` key; a
    /// measure never does.
    static func looksLikeSchedule(_ bytes: [UInt8]) -> Bool {
        hasTopLevelKey(bytes, "submissions:")
    }

    /// Files that configure other tools, never measures (matched by name in any folder).
    public static let wellKnownNonMeasures: Set<String> = [
        "mkdocs.yml", "mkdocs.yaml", "action.yml", "action.yaml", "docker-compose.yml", "docker-compose.yaml",
        "compose.yml", "compose.yaml", "codecov.yml", "codecov.yaml", "CHANGELOG.md", "CONTRIBUTING.md",
        "CODE_OF_CONDUCT.md", "SECURITY.md", "LICENSE.md",
    ]

    /// Folders of CI settings (hidden, so folder walks skip them; named files in them are skipped too).
    static let ciFolders: Set<String> = [".github", ".gitlab", ".circleci", ".gitea", ".forgejo"]

    /// Why `path` is not a measure file though its name says YAML or Markdown: the lint config
    /// (`.subsidy.yml`), a baseline (top-level `accepted:` key, which a measure never has), a hidden
    /// file or a file in a hidden folder (`.pre-commit-config.yaml`) or a file in a CI folder
    /// (`.github/workflows/ci.yml`; folder walks skip hidden entries too), or a well-known file of another tool (`mkdocs.yml`).
    static func toolFileReason(_ path: String, _ bytes: [UInt8]) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        let name = parts.last ?? path
        if name == LintConfig.fileName { return "the lint configuration, not a measure" }
        if name.hasPrefix(".") || parts.contains(where: ciFolders.contains) {
            return "a hidden file or a CI folder's file (another tool's settings), not a measure"
        }
        if wellKnownNonMeasures.contains(name) { return "another tool's file, not a measure" }
        if !MarkdownDraft.isMarkdown(path), hasTopLevelKey(bytes, "accepted:") { return "a lint baseline, not a measure" }
        return nil
    }

    /// Whether a line of `bytes` starts with `key`.
    static func hasTopLevelKey(_ bytes: [UInt8], _ key: String) -> Bool {
        let key = Array(key.utf8)
        var lineStart = 0
        while lineStart + key.count <= bytes.count {
            if bytes[lineStart..<(lineStart + key.count)].elementsEqual(key) { return true }
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return false }
            lineStart = newline + 1
        }
        return false
    }

    static func text(_ error: FileSystem.Failure) -> MessageText {
        switch error {
        case .unreadable(_, let reason): InputMessage.cannotRead(["reason": .message(InputMessage.reason(reason))])
        case .notAFile: InputMessage.notAMeasureFile()
        case .unlistable(_, let reason): InputMessage.reason(reason)
        case .unwritable(_, let reason): InputMessage.cannotWrite(["reason": .message(InputMessage.reason(reason))])
        }
    }
}

/// Measure ids are unique within a corpus (the measure contract): every repeat is an error at
/// the repeat, with a note at the first.
public enum DuplicateIDs {
    /// `measure.duplicate-id` errors for `measures` (id and range, in reading order).
    public static func diagnostics(_ measures: [(id: String, range: SourceRange)]) -> [Diagnostic] {
        var first: [String: SourceRange] = [:]
        var out: [Diagnostic] = []
        for (id, range) in measures {
            guard let original = first[id] else {
                first[id] = range
                continue
            }
            out.append(Diagnostic(
                id: "measure.duplicate-id",
                InputMessage.duplicateID(["id": .text(id), "place": .text("\(original.file):\(original.start.line)")]),
                range: SourceRange(file: range.file, at: range.start),
                notes: [Note(InputMessage.firstUsedHere(["id": .text(id)]), at: SourceRange(file: original.file, at: original.start))]))
        }
        return out
    }
}
