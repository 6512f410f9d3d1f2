import JSONText

/// The files a SARIF log refers to: each one's URI (repository-relative with `%SRCROOT%` when
/// possible) and its index in `run.artifacts`.
struct ArtifactTable {
    /// Where a file is, as SARIF writes it.
    struct Location: Hashable {
        /// The URI, percent-encoded.
        var uri: String
        /// `%SRCROOT%` for repository-relative URIs, `nil` for absolute `file://` ones.
        var baseID: String?
        /// The path hashed into fingerprints: repository-relative when possible.
        var fingerprintPath: String
    }

    private(set) var uris: [String] = []
    private var locations: [String: Location] = [:]
    private var byURI: [String: Location] = [:]
    private var indices: [String: Int] = [:]
    private let context: ReportContext

    init(_ findings: [Finding], context: ReportContext) {
        self.context = context
        var files: Set<String> = []
        for finding in findings {
            if let file = finding.file { files.insert(file) }
            for note in finding.notes { if let file = note.range?.file { files.insert(file) } }
        }
        for file in files {
            let location = Self.makeLocation(file, context: context)
            locations[file] = location
            byURI[location.uri] = location
        }
        uris = byURI.keys.sorted()
        indices = Dictionary(uniqueKeysWithValues: uris.enumerated().map { ($1, $0) })
    }

    /// The location of `file` (computed on the spot for a file not seen at construction).
    func location(of file: String) -> Location {
        locations[file] ?? Self.makeLocation(file, context: context)
    }

    /// The `artifactLocation` object for `uri`, with its artifact index when `withIndex`.
    func json(for uri: String, withIndex: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("uri", .string(uri))]
        if let base = byURI[uri]?.baseID { pairs.append(("uriBaseId", .string(base))) }
        if withIndex, let index = indices[uri] { pairs.append(("index", .int(index))) }
        return withIndex ? .object(pairs) : .object([("location", .object(pairs))])
    }

    private static func makeLocation(_ file: String, context: ReportContext) -> Location {
        if let relative = context.repositoryRelativePath(file) {
            return Location(
                uri: RepositoryPath.uriEncoded(relative), baseID: SARIFReporter.sourceRootBaseID,
                fingerprintPath: relative)
        }
        let base = context.workingDirectory ?? context.repositoryRoot ?? "/"
        let absolute = file.hasPrefix("/") ? file : base + "/" + file
        return Location(uri: RepositoryPath.fileURI(absolute, directory: false), baseID: nil, fingerprintPath: file)
    }
}
