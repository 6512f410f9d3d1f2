/// What an endpoint answers, before it becomes an HTTP response: a status, a media type and a text.
/// Kept free of the HTTP server's types so the API can be tested as plain values.
public struct APIResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: String

    public init(status: Int, contentType: String, body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    static func json(_ status: Int, _ body: String) -> APIResponse {
        APIResponse(status: status, contentType: "application/json; charset=utf-8", body: body)
    }
}
