/// Pure string handling of `/`-separated paths and URIs (no file system access).
enum RepositoryPath {
    /// `path` relative to `root`, or `nil` when it lies outside `root`.
    ///
    /// A relative `path` is taken from `workingDirectory` (or from `root` when that is `nil`).
    /// With no `root`, relative paths are returned normalised and absolute paths give `nil`.
    static func relative(_ path: String, root: String?, workingDirectory: String?) -> String? {
        let isAbsolute = path.hasPrefix("/")
        guard let root else {
            let relative = normalise(path)
            return isAbsolute || relative == ".." || relative.hasPrefix("../") ? nil : relative
        }
        let base = workingDirectory ?? root
        let absolute = isAbsolute ? normalise(path) : normalise(base + "/" + path)
        let rootPath = normalise(root)
        if rootPath == "/" { return String(absolute.dropFirst()) }
        guard absolute.hasPrefix(rootPath + "/") else { return nil }
        return String(absolute.dropFirst(rootPath.count + 1))
    }

    /// Removes empty and `.` components and resolves `..`; keeps a leading `/`.
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !path.hasPrefix("/") {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }

    /// Percent-encodes a path for a URI: everything but unreserved characters and `/` (RFC 3986).
    static func uriEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + hexByte(byte)
            }
        }
        return out
    }

    /// A `file://` URI for an absolute path, ending in `/` when `directory` is true.
    static func fileURI(_ absolutePath: String, directory: Bool) -> String {
        var path = normalise(absolutePath)
        if directory, !path.hasSuffix("/") { path += "/" }
        return "file://" + uriEncoded(path)
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
