import Foundation

/// The one door to the file system: reading inputs, walking folders and writing reports atomically.
public enum FileSystem {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case notAFile(path: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): error: cannot read the file: \(reason)"
            case .notAFile(let path): "\(path): error: is a folder, not a file"
            }
        }
    }

    /// Reads a whole file, refusing folders and anything larger than `limit` bytes (read up to the limit + 1).
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .notAFile(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return [UInt8](data)
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
    }

    /// Whether `path` is a folder.
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Files under `folder` whose names end in one of `extensions`, sorted, without following
    /// symbolic links to folders (so a link loop cannot hang the walk).
    public static func files(under folder: String, extensions: [String]) -> [String] {
        var out: [String] = []
        var pending = [folder]
        var seen = Set<String>()
        while let current = pending.popLast() {
            let resolved = (current as NSString).resolvingSymlinksInPath
            guard seen.insert(resolved).inserted else { continue }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
            for entry in entries.sorted() where !entry.hasPrefix(".") {
                let path = current.hasSuffix("/") ? current + entry : current + "/" + entry
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                let type = attributes?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    pending.append(path)
                } else if type == .typeSymbolicLink {
                    if isDirectory(path) { continue }
                    if extensions.contains(where: path.hasSuffix) { out.append(path) }
                } else if extensions.contains(where: path.hasSuffix) {
                    out.append(path)
                }
            }
        }
        return out.sorted()
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename, so
    /// a reader (or an interruption) sees the old file or the new one, never half of one.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
