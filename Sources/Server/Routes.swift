/// The server's paths and the methods each one answers. Anything else is a 404, or a 405 with
/// the methods allowed when the path exists.
public enum Endpoint: Sendable, Equatable {
    /// A file of the page (`/` is `index.html`).
    case page(String)
    case healthz
    case schema
    case classify
    /// YAML or a Markdown draft in, the measure as JSON out (the page fills its form from it).
    case measureJSON

    /// The methods the endpoint answers.
    var methods: [String] {
        switch self {
        case .page, .healthz, .schema: ["GET", "HEAD"]
        case .classify, .measureJSON: ["POST"]
        }
    }

    /// The endpoint at `path`, whatever the method; `nil` when no endpoint is there.
    static func at(_ path: String) -> Endpoint? {
        switch path {
        case "/", "/index.html": .page("index.html")
        case "/healthz": .healthz
        case "/api/schema/measure": .schema
        case "/api/classify": .classify
        case "/api/measure/json": .measureJSON
        default:
            if path.hasPrefix("/"), WebPage.file(String(path.dropFirst())) != nil {
                .page(String(path.dropFirst()))
            } else {
                nil
            }
        }
    }

    /// The endpoint for a request line, or the 404 / 405 answer.
    public static func resolve(method: String, path: String) -> Result<Endpoint, RoutingError> {
        guard let endpoint = at(path) else { return .failure(.notFound(path)) }
        guard endpoint.methods.contains(method) else { return .failure(.methodNotAllowed(method, allowed: endpoint.methods)) }
        return .success(endpoint)
    }
}

/// Why a request reached no endpoint.
public enum RoutingError: Error, Equatable, Sendable {
    case notFound(String)
    case methodNotAllowed(String, allowed: [String])

    public var response: APIResponse {
        switch self {
        case .notFound(let path):
            ProblemJSON.request(status: 404, id: "http.not-found", message: "no page or API at '\(path)'")
        case .methodNotAllowed(let method, let allowed):
            ProblemJSON.request(
                status: 405, id: "http.method-not-allowed",
                message: "'\(method)' is not allowed here; use \(allowed.joined(separator: " or "))")
        }
    }
}
