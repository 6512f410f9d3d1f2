import Driver
import Engine
import Foundation
import Measures
import Server
import Testing

/// The HTTP API of `subsidy serve`, through a real server listening on 127.0.0.1.
@Suite("subsidy serve: the HTTP API")
struct ServerAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func example(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    /// What `subsidy classify --format json` prints for `bytes` read as `measure.yaml`.
    static func classifyJSON(_ bytes: [UInt8], asOf: String) throws -> String {
        let graph = try LiveServer.graph()
        let (measures, diagnostics) = MeasureSource.load(bytes: bytes, path: "measure.yaml", vocabulary: graph.vocabulary)
        #expect(diagnostics.isEmpty)
        let classifier = Classifier(graph: graph)
        return ClassificationJSON.render(measures.map { classifier.classify($0, asOf: CalendarDate(asOf)!) })
    }

    /// The classify JSON without the places of the facts read (a JSON body has other lines).
    static func withoutPlaces(_ body: String) -> String {
        body.split(separator: "\n").filter { !$0.contains(#""line":"#) && !$0.contains(#""column":"#) }.joined(separator: "\n")
    }

    static func diagnostics(_ reply: HTTPTestClient.Reply) -> [[String: Any]] {
        ((reply.json as? [String: Any])?["diagnostics"] as? [[String: Any]]) ?? []
    }

    @Test("GET /healthz, the page, its script and the schema answer 200")
    func pages() async throws {
        try await withLiveServer { client in
            let health = try await client.send("GET", "/healthz")
            #expect(health.status == 200)
            #expect(health.body == #"{"status":"ok"}"#)
            let page = try await client.send("GET", "/")
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.body.contains(#"<form id="measure-form""#))
            let script = try await client.send("GET", "/app.js")
            #expect(script.status == 200)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            let schema = try await client.send("GET", "/api/schema/measure")
            #expect(schema.status == 200)
            #expect(schema.body == MeasureJSONSchema.document(vocabulary: try LiveServer.graph().vocabulary))
        }
    }

    @Test("POST /api/classify with YAML returns exactly the classify JSON")
    func classifyYAML() async throws {
        let yaml = try Self.example("Examples/drafts/export-grant.yaml")
        let expected = try Self.classifyJSON(yaml, asOf: "2027-03-01")
        try await withLiveServer { client in
            let reply = try await client.send("POST", "/api/classify?as_of=2027-03-01", body: yaml, headers: ["Content-Type": "text/yaml"])
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == "application/json; charset=utf-8")
            #expect(reply.body == expected)
            let verdicts = (reply.json as? [String: Any])?["verdicts"] as? [[String: Any]] ?? []
            #expect(verdicts.map { $0["category"] as? String } == ["prohibited", "prohibited"])
            // Russian is accepted and, until the rules have Russian texts, answered in English.
            let russian = try await client.send("POST", "/api/classify?as_of=2027-03-01&lang=ru", body: yaml)
            #expect(russian.status == 200)
            #expect(russian.body == expected)
        }
    }

    @Test("A JSON body classifies like the same measure in YAML")
    func classifyJSONBody() async throws {
        let yaml = try Self.example("Examples/drafts/export-grant.yaml")
        try await withLiveServer { client in
            let json = try await client.send("POST", "/api/measure/json", body: yaml)
            #expect(json.status == 200)
            #expect((json.json as? [String: Any])?["id"] as? String == "KZ-DRAFT-2026-101")
            let fromJSON = try await client.send("POST", "/api/classify?as_of=2027-03-01", body: Array(json.body.utf8),
                                                 headers: ["Content-Type": "application/json"])
            let fromYAML = try await client.send("POST", "/api/classify?as_of=2027-03-01", body: yaml)
            #expect(fromJSON.status == 200)
            // The same verdicts; only the lines and columns of the facts read differ.
            #expect(Self.withoutPlaces(fromJSON.body) == Self.withoutPlaces(fromYAML.body))
            #expect(fromJSON.body.contains("prohibited"))
        }
    }

    @Test("A Markdown draft (text/markdown) is read from its front matter, with its own file name")
    func markdownDraft() async throws {
        let draft = try Self.example("Examples/drafts/local-content-draft.md")
        try await withLiveServer { client in
            let reply = try await client.send("POST", "/api/classify?as_of=2027-03-01", body: draft, headers: ["Content-Type": "text/markdown"])
            #expect(reply.status == 200)
            let measure = (reply.json as? [String: Any])?["measure"] as? [String: Any]
            #expect(measure?["file"] as? String == "measure.md")
            let memo = try await client.send("POST", "/api/classify?as_of=2027-03-01&format=markdown", body: draft,
                                             headers: ["Content-Type": "text/markdown"])
            #expect(memo.status == 200)
            #expect(memo.headers["content-type"] == "text/markdown; charset=utf-8")
            #expect(memo.body.contains("EAEU"))
        }
    }

    @Test("An invalid measure gets 400 with the CLI's located diagnostics")
    func invalidMeasure() async throws {
        let body = Array("id: X-1\ntitle: t\nmember_state: KZ\nforms: [grant]\nbenefit: maybe\n".utf8)
        try await withLiveServer { client in
            let reply = try await client.send("POST", "/api/classify", body: body)
            #expect(reply.status == 400)
            let found = Self.diagnostics(reply)
            let benefit = try #require(found.first { ($0["line"] as? Int) == 5 })
            #expect(benefit["file"] as? String == "measure.yaml")
            #expect(benefit["column"] as? Int == 10)
            #expect((benefit["id"] as? String)?.isEmpty == false)
            #expect((benefit["message"] as? String)?.isEmpty == false)
            let text = (reply.json as? [String: Any])?["text"] as? String ?? ""
            #expect(text.contains("measure.yaml:5:10"))
        }
    }

    @Test("Invalid UTF-8 is a located 400, not a 500")
    func invalidUTF8() async throws {
        let body: [UInt8] = Array("id: X-1\ntitle: ".utf8) + [0xC3, 0x28, 0xFF] + Array("\n".utf8)
        try await withLiveServer { client in
            let reply = try await client.send("POST", "/api/classify", body: body)
            #expect(reply.status == 400)
            let first = try #require(Self.diagnostics(reply).first)
            #expect(first["file"] as? String == "measure.yaml")
            #expect(first["line"] as? Int == 2)
            #expect((try await client.send("GET", "/healthz")).status == 200)
        }
    }

    @Test("An alias bomb is refused with a 400 and the server still answers")
    func aliasBomb() async throws {
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let yaml = bomb
        try await withLiveServer { client in
            let reply = try await client.send("POST", "/api/classify", body: Array(yaml.utf8))
            #expect(reply.status == 400)
            #expect(Self.diagnostics(reply).contains { ($0["id"] as? String)?.hasPrefix("yaml.") == true })
            #expect((try await client.send("GET", "/healthz")).status == 200)
        }
    }

    @Test("Unknown paths are 404, wrong methods 405 with Allow")
    func routing() async throws {
        try await withLiveServer { client in
            let missing = try await client.send("GET", "/api/nothing")
            #expect(missing.status == 404)
            #expect(Self.diagnostics(missing).first?["id"] as? String == "http.not-found")
            let get = try await client.send("GET", "/api/classify")
            #expect(get.status == 405)
            #expect(get.headers["allow"] == "POST")
            let delete = try await client.send("DELETE", "/healthz")
            #expect(delete.status == 405)
            #expect(delete.headers["allow"] == "GET, HEAD")
            let post = try await client.send("POST", "/api/schema/measure", body: Array("{}".utf8))
            #expect(post.status == 405)
        }
    }

    @Test("Bad query parameters are 400: as_of, lang, format")
    func badQuery() async throws {
        let yaml = try Self.example("Examples/drafts/export-grant.yaml")
        try await withLiveServer { client in
            for query in ["as_of=2027-02-30", "lang=de", "format=xml"] {
                let reply = try await client.send("POST", "/api/classify?\(query)", body: yaml)
                #expect(reply.status == 400, "\(query)")
                #expect(Self.diagnostics(reply).first?["id"] as? String == "request." + query.prefix { $0 != "=" }.replacingOccurrences(of: "_", with: "-"))
            }
        }
    }

    @Test("A body over the loader's 4 MiB limit is 413, with or without Content-Length")
    func tooLarge() async throws {
        let big = [UInt8](repeating: UInt8(ascii: "#"), count: SubsidyAPI.maxBodyBytes + 1)
        try await withLiveServer { client in
            let declared = try await client.send("POST", "/api/classify", body: big)
            #expect(declared.status == 413)
            #expect(Self.diagnostics(declared).first?["id"] as? String == "request.too-large")
            // Chunked: no length announced, so the limit is met while reading.
            var chunked = Array("POST /api/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
            for start in stride(from: 0, to: big.count, by: 1 << 20) {
                let chunk = big[start..<min(start + (1 << 20), big.count)]
                chunked += Array((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + Array("\r\n".utf8)
            }
            chunked += Array("0\r\n\r\n".utf8)
            let streamed = try await client.raw(chunked)
            #expect(streamed.status == 413)
            // A body at the limit is read (and is a comment only: no measure).
            let atLimit = try await client.send("POST", "/api/classify", body: Array(big.dropLast()))
            #expect(atLimit.status == 400)
            #expect(Self.diagnostics(atLimit).first?["id"] as? String == "measure.empty")
        }
    }
}

/// `lang=ru` without the network: the same JSON, the Markdown memo in Russian (issue 17).
@Suite("The API in Russian")
struct RussianAPITests {
    @Test func theMarkdownMemoIsRussianAndTheJSONUnchanged() throws {
        let corpus = RuleCorpusLoader.load(directory: nil)
        let graph = try #require(corpus.graph)
        let api = SubsidyAPI(classifier: Classifier(graph: graph), today: { CalendarDate("2027-03-01")! }, catalogue: corpus.catalogue)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let yaml = Array(try Data(contentsOf: root.appendingPathComponent("Examples/drafts/export-grant.yaml")))
        func ask(_ query: [String: String]) -> String {
            api.respond(to: .classify, query: query, body: yaml, contentType: "text/yaml").body
        }
        #expect(ask(["lang": "ru"]) == ask([:]))
        let russian = ask(["lang": "ru", "format": "markdown"])
        #expect(russian.contains("## Заключение"), "\(russian)")
        #expect(russian.contains("ЕАЭС: запрещённая субсидия"))
        #expect(ask(["format": "markdown"]).contains("## Conclusion"))
        // An invalid measure's diagnostics are worded in Russian with lang=ru, as the CLI words them.
        let invalid = Array("id: X-1\ntitle: t\nmember_state: QQ\nforms: [grant]\nbenefit: maybe\n".utf8)
        let russian400 = api.respond(to: .classify, query: ["lang": "ru"], body: invalid, contentType: "text/yaml")
        let english400 = api.respond(to: .classify, query: [:], body: invalid, contentType: "text/yaml")
        #expect(russian400.status == 400)
        #expect(english400.body.contains("is not an ISO 3166-1 alpha-2 country code"))
        #expect(!russian400.body.contains("is not an ISO 3166-1 alpha-2 country code"), "\(russian400.body)")
        #expect(russian400.body.contains("measure.yaml:3:15"))
    }
}
