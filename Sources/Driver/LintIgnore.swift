import Foundation

/// Matches file paths against `ignore` entries: a path prefix (`drafts/old`, matched on whole
/// path components) or a glob (`*.draft.md`, `drafts/*/x.yaml`), tried on the whole path and on
/// the file name. A leading `./` is ignored on both sides.
public enum LintIgnore {
    /// Whether any of `patterns` matches `path`.
    public static func matches(_ path: String, patterns: [String]) -> Bool {
        let p = normalize(path)
        let name = p.split(separator: "/").last.map(String.init) ?? p
        return patterns.contains { raw in
            let pattern = normalize(raw)
            if pattern.isEmpty { return false }
            let prefix = pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
            if p == prefix || p.hasPrefix(prefix + "/") { return true }
            return glob(pattern, p) || glob(pattern, name)
        }
    }

    private static func normalize(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        return p
    }

    private static func glob(_ pattern: String, _ text: String) -> Bool {
        fnmatch(pattern, text, 0) == 0
    }
}
