/// `/`-separated path arithmetic on strings (no file system access).
enum PathText {
    /// Removes empty and `.` components and resolves `..`; keeps a leading `/`.
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !path.hasPrefix("/") { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }

    /// The folder holding `path` (`/` for a top-level path).
    static func parent(_ path: String) -> String {
        let normal = normalise(path)
        guard let slash = normal.lastIndex(of: "/") else { return "." }
        return slash == normal.startIndex ? "/" : String(normal[..<slash])
    }

    /// Absolute `path` relative to absolute `folder`, with `..` when it lies outside it.
    static func relative(_ path: String, to folder: String) -> String {
        let target = normalise(path).split(separator: "/")
        let base = normalise(folder).split(separator: "/")
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }
}
