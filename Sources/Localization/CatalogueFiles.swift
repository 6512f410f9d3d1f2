/// Where translation catalogues live among the corpus files: `Rules/i18n/<language>/*.yaml`.
/// They are YAML files inside the corpus folder but not rule files; the rule compiler skips them
/// (``isCatalogue(_:)``) and ``CatalogueLoader`` reads them.
public enum CatalogueFiles {
    /// The folder name under the corpus root that holds the catalogues.
    public static let folder = "i18n"

    /// Whether `path` (relative to the package, or under a `--rules` folder) is a catalogue file:
    /// a `.yaml` or `.yml` file with an `i18n` folder among its parents.
    public static func isCatalogue(_ path: String) -> Bool {
        hasYAMLExtension(path) && components(path).dropLast().contains(folder)
    }

    /// The language folder of a catalogue path (`ru` for `Rules/i18n/ru/rules.yaml`), or `nil`.
    public static func language(of path: String) -> String? {
        guard hasYAMLExtension(path) else { return nil }
        let parts = components(path)
        // Exactly `i18n/<language>/<file>`: a file directly in `i18n/`, or deeper, is in no language.
        guard let i = parts.dropLast().lastIndex(of: folder), i + 3 == parts.count else {
            return nil
        }
        return parts[i + 1]
    }

    /// The catalogue files of `language` among `files`, in path order.
    public static func files(
        _ files: [(path: String, text: String)], language: Language
    ) -> [(path: String, text: String)] {
        files.filter { Self.language(of: $0.path) == language.rawValue }.sorted { $0.path < $1.path }
    }

    private static func hasYAMLExtension(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
