import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one door to the file system: reading inputs, walking folders and writing reports atomically.
public enum FileSystem {
    public enum Failure: Error, CustomStringConvertible, Equatable, Sendable {
        case unreadable(path: String, reason: String)
        case notAFile(path: String)
        /// A folder that cannot be walked (cannot be listed; a link to nothing).
        case unlistable(path: String, reason: String)
        /// A file that cannot be written (a report, a baseline).
        case unwritable(path: String, reason: String)

        /// The path that could not be read, walked or written.
        public var path: String {
            switch self {
            case .unreadable(let path, _), .notAFile(let path), .unlistable(let path, _), .unwritable(let path, _): path
            }
        }

        /// Why, without the path: "no such file", "is a folder, not a file". For messages that
        /// name the file themselves (a located diagnostic).
        public var reason: String {
            switch self {
            case .unreadable(_, let reason), .unlistable(_, let reason), .unwritable(_, let reason): reason
            case .notAFile: "is a folder, not a file"
            }
        }

        /// A whole error line for standard error: "<path>: error: cannot read the file: <reason>".
        /// Not for a located diagnostic's message, which names the file already (use ``reason``).
        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): error: cannot read the file: \(reason)"
            case .notAFile(let path): "\(path): error: is a folder, not a file"
            case .unlistable(let path, let reason): "\(path): error: \(reason)"
            case .unwritable(let path, let reason): "\(path): error: cannot write: \(reason)"
            }
        }
    }

    /// Reads a whole file, refusing folders, anything that is not a regular file (a FIFO or a device
    /// would block or never end) and reading no more than `limit` + 1 bytes of a larger one.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        // Opened without blocking (a FIFO with no writer would block `open`), then checked on the
        // descriptor itself, so the file checked is the file read.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == EISDIR { throw .notAFile(path: path) }
            throw .unreadable(path: path, reason: code == ENOENT ? "no such file" : String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        if info.st_mode & S_IFMT == S_IFDIR { throw .notAFile(path: path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        let wanted = limit + 1
        // The size said by `fstat`, plus one byte to see the end; grown if the file grows meanwhile.
        var bytes = [UInt8](repeating: 0, count: min(wanted, max(Int(info.st_size), 0) + 1))
        var count = 0
        while true {
            if count == bytes.count {
                guard count < wanted else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(wanted - count, max(count, 4096))))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// Whether `path` is a folder.
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A folder walk's result: the files found, and every path under the folder that was not read.
    public struct Walk: Sendable, Equatable {
        /// Files whose names end in one of the extensions (compared ignoring case), sorted.
        public var files: [String] = []
        /// Paths that could not be walked: a sub-folder that cannot be listed, a dangling link.
        public var problems: [Failure] = []
    }

    /// What a walk asks of the file system (injectable, so tests can make a folder unlistable
    /// even when they run as root, where permissions do not stop reads).
    public protocol Lister: Sendable {
        /// The names in `folder`, or a reason they cannot be listed.
        func entries(of folder: String) -> Result<[String], Failure>
        /// What `path` is, without following a link at `path` itself.
        func kind(of path: String) -> EntryKind
        /// The real path of a folder (links resolved), to walk each folder once.
        func resolved(_ path: String) -> String
    }

    /// What a folder entry is.
    public enum EntryKind: Sendable, Equatable {
        case file
        case folder
        /// A symbolic link to a folder (followed; loops are walked once).
        case linkToFolder
        /// A symbolic link to a file (read like one).
        case linkToFile
        /// A symbolic link to nothing (or a link loop).
        case danglingLink
        /// A FIFO, socket or device: listed when named like a measure, and refused by ``FileSystem/read(_:limit:)``.
        case other
    }

    /// The real file system.
    public struct SystemLister: Lister {
        public init() {}

        public func entries(of folder: String) -> Result<[String], Failure> {
            guard let dir = opendir(folder) else {
                let code = errno
                let reason = code == EACCES ? "permission denied" : String(cString: strerror(code))
                return .failure(.unlistable(path: folder, reason: "cannot list the folder: \(reason)"))
            }
            defer { closedir(dir) }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != ".", name != ".." { names.append(name) }
            }
            return .success(names)
        }

        public func kind(of path: String) -> EntryKind {
            var info = stat()
            guard lstat(path, &info) == 0 else { return .danglingLink }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            case S_IFLNK:
                var target = stat()
                guard stat(path, &target) == 0 else { return .danglingLink }
                if target.st_mode & S_IFMT == S_IFDIR { return .linkToFolder }
                return .linkToFile
            default: return .other
            }
        }

        public func resolved(_ path: String) -> String {
            guard let real = realpath(path, nil) else { return path }
            defer { free(real) }
            return String(cString: real)
        }
    }

    /// Whether `path` ends in one of `extensions`, ignoring case (`A.YAML` is YAML).
    public static func hasExtension(_ path: String, _ extensions: [String]) -> Bool {
        let lower = path.lowercased()
        return extensions.contains { lower.hasSuffix($0.lowercased()) }
    }

    /// Walks `folder`: files whose names end in one of `extensions` (ignoring case), sorted, and
    /// every sub-folder or link that could not be walked. Hidden entries (`.git`, `.github`) are
    /// not walked. Links to folders are followed, each real folder walked once (a link loop ends).
    public static func walk(_ folder: String, extensions: [String], lister: any Lister = SystemLister()) -> Walk {
        var walk = Walk()
        // Real folders first, breadth first, then linked ones: a link to a folder walked anyway
        // (or to one of its own parents: a loop) adds nothing, and files keep their real paths.
        var pending = [folder]
        var linked: [String] = []
        var seen = Set<String>()
        while !pending.isEmpty || !linked.isEmpty {
            let current = pending.isEmpty ? linked.removeFirst() : pending.removeFirst()
            guard seen.insert(lister.resolved(current)).inserted else { continue }
            let entries: [String]
            switch lister.entries(of: current) {
            case .success(let names): entries = names
            case .failure(let failure):
                walk.problems.append(failure)
                continue
            }
            for entry in entries.sorted() where !entry.hasPrefix(".") {
                let path = current.hasSuffix("/") ? current + entry : current + "/" + entry
                switch lister.kind(of: path) {
                case .folder:
                    pending.append(path)
                case .linkToFolder:
                    linked.append(path)
                case .file, .linkToFile, .other:
                    // A FIFO or device named like a measure is listed: reading it says why not.
                    if hasExtension(path, extensions) { walk.files.append(path) }
                case .danglingLink:
                    // Named like a measure: reading it says why not (no such file, a link loop).
                    // Otherwise it may have been a folder: reported here.
                    if hasExtension(path, extensions) {
                        walk.files.append(path)
                    } else {
                        walk.problems.append(.unlistable(path: path, reason: "cannot read: a symbolic link to a file or folder that does not exist"))
                    }
                }
            }
        }
        walk.files.sort()
        walk.problems.sort { $0.path < $1.path }
        return walk
    }

    /// Files under `folder` whose names end in one of `extensions` (see ``walk(_:extensions:lister:)``;
    /// problems are dropped: for callers that report them otherwise).
    public static func files(under folder: String, extensions: [String]) -> [String] {
        walk(folder, extensions: extensions).files
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename, so
    /// a reader (or an interruption) sees the old file or the new one, never half of one.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
        try writeAll([(path, bytes)])
    }

    /// Why `path` cannot be written (`nil` when it can): it is a folder, its folder does not exist
    /// or cannot be written. Checked before anything is written.
    public static func whyNotWritable(_ path: String) -> Failure? {
        if isDirectory(path) { return .unwritable(path: path, reason: "is a folder, not a file") }
        let folder = PathText.parent(path.hasPrefix("/") ? path : "./" + path)
        if !FileManager.default.fileExists(atPath: folder) { return .unwritable(path: path, reason: "no such folder: \(folder)") }
        if !isDirectory(folder) { return .unwritable(path: path, reason: "\(folder) is a file, not a folder") }
        if access(folder, W_OK) != 0 { return .unwritable(path: path, reason: "the folder \(folder) cannot be written") }
        return nil
    }

    /// Writes every file or none: each is checked, written to a temporary file beside it, and
    /// only when all are written are they renamed into place. A failure removes the temporary files.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(Failure) {
        for (path, _) in files {
            if let failure = whyNotWritable(path) { throw failure }
        }
        var temporaries: [(temporary: String, path: String)] = []
        func cleanUp() { for t in temporaries { unlink(t.temporary) } }
        for (path, bytes) in files {
            let folder = PathText.parent(path.hasPrefix("/") ? path : "./" + path)
            let name = path.split(separator: "/").last.map(String.init) ?? path
            var template = Array("\(folder)/.\(name).subsidy-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                cleanUp()
                throw .unwritable(path: path, reason: "cannot create a file in \(folder): \(reason)")
            }
            let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            temporaries.append((temporary, path))
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    cleanUp()
                    throw .unwritable(path: path, reason: "cannot write: \(reason)")
                }
                written += n
            }
            fchmod(fd, 0o644)
            close(fd)
        }
        for (index, t) in temporaries.enumerated() where rename(t.temporary, t.path) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in temporaries[index...] { unlink(rest.temporary) }
            throw .unwritable(path: t.path, reason: "cannot replace the file: \(reason)")
        }
    }

    /// The real path of `path` (links resolved), or `nil` when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
