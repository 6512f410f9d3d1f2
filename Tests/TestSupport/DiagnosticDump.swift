import Diagnostics

extension Diagnostic {
    /// `id@line:column`, the compact form tests compare against.
    public var compact: String {
        guard let range else { return "\(id)@-" }
        return "\(id)@\(range.start.line):\(range.start.column)"
    }
}

extension Note {
    /// `line:column` of the note, or `-` when it has no place.
    public var compact: String { range.map { "\($0.start.line):\($0.start.column)" } ?? "-" }
}

extension Array where Element == Diagnostic {
    /// Every diagnostic as `id@line:column`, in file, line, column, id order.
    public var compact: [String] { sorted(by: Diagnostic.sortKey).map(\.compact) }
}
