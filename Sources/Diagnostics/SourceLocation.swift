import FastPath

/// A position in a source file.
///
/// `line` and `column` are 1-based. `column` counts Unicode scalars from the start of the line
/// (libyaml's unit), not bytes and not grapheme clusters.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    @inlinable
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A file name interned once per process, so that a ``SourceRange`` carries a small integer
/// instead of a reference-counted `String` (every node of a located tree has a range or two).
///
/// Equal paths get equal ids; the path is looked up again through ``path``.
public struct SourceFileID: Hashable, Sendable {
    @usableFromInline let raw: UInt32

    /// The id of `path`, registering it on first use.
    public init(_ path: String) {
        raw = FileRegistry.shared.id(for: path)
    }

    /// The file as the user named it.
    public var path: String { FileRegistry.shared.path(raw) }
}

/// The process-wide table behind ``SourceFileID``: append-only, guarded by a mutex.
final class FileRegistry: Sendable {
    static let shared = FileRegistry()

    private struct State {
        var ids: [String: UInt32] = [:]
        var paths: [String] = []
    }

    private let state = Locked(State())

    func id(for path: String) -> UInt32 {
        state.withLock { state in
            if let id = state.ids[path] { return id }
            let id = UInt32(state.paths.count)
            state.paths.append(path)
            state.ids[path] = id
            return id
        }
    }

    func path(_ id: UInt32) -> String {
        state.withLock { $0.paths[Int(id)] }
    }
}

/// A half-open range `[start, end)` in one file. Lines and columns as in ``SourceLocation``.
///
/// Stored compactly (an interned file id and 32-bit lines and columns, no reference counting):
/// every located node holds one. Lines and columns beyond 32 bits are clamped.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    @usableFromInline var fileID: SourceFileID
    @usableFromInline var startLine: Int32
    @usableFromInline var startColumn: Int32
    @usableFromInline var endLine: Int32
    @usableFromInline var endColumn: Int32

    /// The file the range is in, as the user named it (a path, or `<stdin>`).
    public var file: String {
        get { fileID.path }
        set { fileID = SourceFileID(newValue) }
    }

    public var start: SourceLocation {
        @inlinable get { SourceLocation(line: Int(startLine), column: Int(startColumn)) }
        @inlinable set {
            startLine = Int32(clamping: newValue.line)
            startColumn = Int32(clamping: newValue.column)
        }
    }

    public var end: SourceLocation {
        @inlinable get { SourceLocation(line: Int(endLine), column: Int(endColumn)) }
        @inlinable set {
            endLine = Int32(clamping: newValue.line)
            endColumn = Int32(clamping: newValue.column)
        }
    }

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.init(file: SourceFileID(file), start: start, end: end)
    }

    /// A range in an already interned file: no lookup, no reference counting.
    @inlinable
    public init(file: SourceFileID, start: SourceLocation, end: SourceLocation) {
        fileID = file
        startLine = Int32(clamping: start.line)
        startColumn = Int32(clamping: start.column)
        endLine = Int32(clamping: end.line)
        endColumn = Int32(clamping: end.column)
        if (endLine, endColumn) < (startLine, startColumn) {
            endLine = startLine
            endColumn = startColumn
        }
    }

    /// A range covering a single position.
    public init(file: String, at location: SourceLocation) {
        self.init(file: file, start: location, end: location)
    }

    /// A range covering a single position in an already interned file.
    @inlinable
    public init(file: SourceFileID, at location: SourceLocation) {
        self.init(file: file, start: location, end: location)
    }

    /// The interned file.
    public var fileIdentifier: SourceFileID { fileID }

    /// How the files of two optional ranges order by path (`""` for no range): `nil` when they
    /// name the same file, else whether `lhs`'s path sorts first. The same answer as comparing
    /// `lhs?.file ?? ""` with `rhs?.file ?? ""`, but equal interned ids (one id per path, so equal
    /// ids are equal paths) answer without reading the paths, each read a lock and a copy.
    /// Ids are not in path order, so different ids still compare the paths.
    public static func fileOrder(_ lhs: SourceRange?, _ rhs: SourceRange?) -> Bool? {
        switch (lhs, rhs) {
        case (nil, nil): return nil
        case let (l?, r?) where l.fileID == r.fileID: return nil
        default:
            let l = lhs?.file ?? "", r = rhs?.file ?? ""
            return l == r ? nil : l < r
        }
    }

    /// The same range shifted down by `lines` (used for YAML embedded in Markdown front matter).
    public func shifted(byLines lines: Int) -> SourceRange {
        SourceRange(
            file: fileID,
            start: SourceLocation(line: start.line + lines, column: start.column),
            end: SourceLocation(line: end.line + lines, column: end.column)
        )
    }

    public var description: String { "\(file):\(start)" }
}
