import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one door to the file system: reading inputs, walking folders and writing reports atomically.
public enum FileSystem {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case notAFile(path: String)

        /// The file that could not be read.
        public var path: String {
            switch self {
            case .unreadable(let path, _), .notAFile(let path): path
            }
        }

        /// Why, without the path: "no such file", "is a folder, not a file". For messages that
        /// name the file themselves (a located diagnostic).
        public var reason: String {
            switch self {
            case .unreadable(_, let reason): reason
            case .notAFile: "is a folder, not a file"
            }
        }

        /// A whole error line for standard error: "<path>: error: cannot read the file: <reason>".
        /// Not for a located diagnostic's message, which names the file already (use ``reason``).
        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): error: cannot read the file: \(reason)"
            case .notAFile(let path): "\(path): error: is a folder, not a file"
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
