import WebAssets

/// The files of the page, served from the binary (generated from the package's `Web/` folder).
enum WebPage {
    private static let byPath: [String: String] = Dictionary(
        WebAssets.files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })

    /// The page file at `path` (relative to `Web/`) with its media type; `nil` when there is none.
    static func file(_ path: String) -> APIResponse? {
        guard let text = byPath[path] else { return nil }
        return APIResponse(status: 200, contentType: mediaType(path), body: text)
    }

    static func mediaType(_ path: String) -> String {
        if path.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if path.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if path.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if path.hasSuffix(".svg") { return "image/svg+xml" }
        return "application/octet-stream"
    }
}
