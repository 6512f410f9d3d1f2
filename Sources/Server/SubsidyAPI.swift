public import Engine
public import Measures
import Diagnostics
public import Driver
import Foundation
public import Localization
import YAMLLoader

/// The answers of `subsidy serve`, as plain values: the HTTP layer (``SubsidyServer``) only reads
/// the request and writes what this returns. Holds no state but the compiled rules.
public struct SubsidyAPI: Sendable {
    public let classifier: Classifier
    /// The date `as_of` defaults to.
    public let today: @Sendable () -> CalendarDate
    /// The corpus's Russian catalogue: the Markdown memo of `lang=ru` is worded from it (empty:
    /// answered in English).
    public let catalogue: RussianCatalogue

    /// The largest body read: the loader's own limit on a measure file (YAMLLimits, 4 MiB).
    public static let maxBodyBytes = YAMLLimits.default.maxBytes

    public init(classifier: Classifier, today: @escaping @Sendable () -> CalendarDate = LocalToday.date,
                catalogue: RussianCatalogue = RussianCatalogue()) {
        self.classifier = classifier
        self.today = today
        self.catalogue = catalogue
    }

    /// The answer of `endpoint`. `contentType` tells a Markdown draft (`text/markdown`) from YAML or JSON.
    public func respond(to endpoint: Endpoint, query: [String: String], body: [UInt8], contentType: String?) -> APIResponse {
        switch endpoint {
        case .page(let path):
            return WebPage.file(path) ?? RoutingError.notFound("/" + path).response
        case .healthz:
            return .json(200, #"{"status":"ok"}"#)
        case .schema:
            return APIResponse(status: 200, contentType: "application/schema+json; charset=utf-8", body: MeasureJSONSchema.document(vocabulary: classifier.graph.vocabulary))
        case .classify:
            return classify(body, query: query, path: Self.fileName(contentType))
        case .measureJSON:
            return measureJSON(body, path: Self.fileName(contentType))
        }
    }

    /// The name diagnostics give the body: `measure.md` for a Markdown draft, else `measure.yaml`
    /// (JSON is YAML to the loader).
    static func fileName(_ contentType: String?) -> String {
        guard let contentType else { return "measure.yaml" }
        return contentType.lowercased().hasPrefix("text/markdown") ? "measure.md" : "measure.yaml"
    }

    /// `POST /api/classify`: the classify JSON of `subsidy classify --format json` (or its Markdown
    /// memo with `format=markdown`).
    func classify(_ body: [UInt8], query: [String: String], path: String) -> APIResponse {
        if let problem = Self.checkLanguage(query["lang"]) { return problem }
        let date: CalendarDate
        if let text = query["as_of"], !text.isEmpty {
            guard let parsed = CalendarDate(text) else {
                return ProblemJSON.request(status: 400, id: "request.as-of",
                                           message: "as_of '\(text)' is not a date YYYY-MM-DD")
            }
            date = parsed
        } else {
            date = today()
        }
        let markdown: Bool
        switch query["format"] ?? "json" {
        case "json": markdown = false
        case "markdown": markdown = true
        case let other:
            return ProblemJSON.request(status: 400, id: "request.format",
                                       message: "format '\(other)' is not one of json, markdown")
        }
        let (measures, diagnostics) = MeasureSource.load(
            bytes: body, path: path, vocabulary: classifier.graph.vocabulary, loader: YAMLLoader(limits: .default))
        if diagnostics.contains(where: { $0.severity == .error }) {
            // With lang=ru the diagnostics are worded from the catalogue, as the CLI's `--lang ru`.
            let worded = query["lang"] == "ru" ? catalogue.word(diagnostics) : diagnostics
            return invalid(worded, body: body, path: path)
        }
        let results = measures.map { classifier.classify($0, asOf: date) }
        if markdown {
            let titles = Dictionary(measures.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            let memo: String
            if query["lang"] == "ru", !catalogue.rules.isEmpty {
                let instruments = Dictionary(classifier.graph.rules.map { ($0.definition.id, $0.definition.citation.instrument) },
                                             uniquingKeysWith: { a, _ in a })
                memo = RussianMemo(style: .markdown, catalogue: catalogue, titles: titles, instruments: instruments).render(results)
            } else {
                memo = ClassificationMemo(style: .markdown, titles: titles).render(results)
            }
            return APIResponse(status: 200, contentType: "text/markdown; charset=utf-8", body: memo)
        }
        return .json(200, ClassificationJSON.render(results))
    }

    /// `POST /api/measure/json`: the measure's YAML (or a draft's front matter) as JSON, for the form.
    func measureJSON(_ body: [UInt8], path: String) -> APIResponse {
        let (json, diagnostics) = LintSchemaInstance.json(bytes: body, path: path)
        guard let json else { return invalid(diagnostics, body: body, path: path) }
        return .json(200, json)
    }

    func invalid(_ diagnostics: [Diagnostic], body: [UInt8], path: String) -> APIResponse {
        let sorted = diagnostics.sorted(by: Diagnostic.sortKey)
        let source = SourceText(path: path, text: String(decoding: body, as: UTF8.self))
        return ProblemJSON.response(status: 400, title: "the measure is invalid", diagnostics: sorted, source: source)
    }

    /// `lang` is `en` or `ru`. JSON is the same in both; the Markdown memo is in Russian with `ru`
    /// when the server has the corpus's Russian catalogue.
    static func checkLanguage(_ lang: String?) -> APIResponse? {
        switch lang {
        case nil, "", "en", "ru": nil
        case let other?:
            ProblemJSON.request(status: 400, id: "request.lang", message: "lang '\(other)' is not one of en, ru")
        }
    }

    /// A 413 for a body over ``maxBodyBytes``.
    public static var tooLarge: APIResponse {
        ProblemJSON.request(status: 413, id: "request.too-large",
                            message: "the body is larger than the limit of \(maxBodyBytes) bytes (a measure file's limit)")
    }
}

