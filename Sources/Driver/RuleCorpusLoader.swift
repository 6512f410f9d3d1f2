public import Diagnostics
public import RuleCompiler
public import Localization
import RulesCorpus

/// Where the rules come from: the corpus built into the binary, or a folder (`--rules DIR`).
public enum RuleCorpusLoader {
    public struct Result: Sendable {
        public var graph: RuleGraph?
        public var diagnostics: [Diagnostic]
        public var sources: [String: SourceText]
        /// Rule files only: the catalogue files (`i18n/<language>/*.yaml`) are not counted.
        public var fileCount: Int
        /// The Russian catalogue of the corpus (`i18n/ru/*.yaml`); empty when it has none.
        public var catalogue: RussianCatalogue
    }

    /// Compiles the built-in corpus, or every `*.yaml` under `directory` when one is given, and
    /// reads its Russian catalogue (a catalogue error is an error of the corpus). With
    /// `checkCatalogue`, every rule, fact, instrument or term with no Russian text is an error too
    /// (``CatalogueCheck``; `subsidy rules check`).
    public static func load(directory: String?, checkCatalogue: Bool = false) -> Result {
        var files: [(path: String, text: String)] = []
        var problems: [Diagnostic] = []
        if let directory {
            let walk = FileSystem.walk(directory, extensions: [".yaml", ".yml"])
            for failure in walk.problems {
                problems.append(Diagnostic(id: "input.unreadable", message: failure.reason,
                                           range: SourceRange(file: failure.path, at: SourceLocation(line: 0, column: 0))))
            }
            for path in walk.files {
                do {
                    let bytes = try FileSystem.read(path, limit: 8 << 20)
                    files.append((path, String(decoding: bytes, as: UTF8.self)))
                } catch {
                    problems.append(Diagnostic(id: "input.unreadable", message: "\(error)",
                                               range: SourceRange(file: path, at: SourceLocation(line: 0, column: 0))))
                }
            }
            if files.isEmpty, problems.isEmpty {
                problems.append(Diagnostic(id: "input.no-rules", message: "no rule files (*.yaml) under this folder",
                                           range: SourceRange(file: directory, at: SourceLocation(line: 0, column: 0))))
            }
        } else {
            files = RulesCorpus.files
        }
        let (graph, diagnostics) = RuleCompiler().compile(files)
        var sources: [String: SourceText] = [:]
        for (path, text) in files { sources[path] = SourceText(path: path, text: text) }
        let loaded = CatalogueLoader().load(CatalogueFiles.files(files, language: .ru))
        var all = problems + diagnostics
        if checkCatalogue, let graph, !all.contains(where: { $0.severity == .error }) {
            all += CatalogueCheck.check(files: files, graph: graph)
        } else {
            all += loaded.diagnostics
        }
        return Result(graph: all.contains { $0.severity == .error } ? nil : graph, diagnostics: all, sources: sources,
                      fileCount: files.filter { !CatalogueFiles.isCatalogue($0.path) }.count,
                      catalogue: loaded.catalogue ?? RussianCatalogue())
    }
}
