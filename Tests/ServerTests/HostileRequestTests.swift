import Dispatch
import Foundation
import Server
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile requests leave `/healthz` answering. Loopback only, bounded in count and time.
@Suite("subsidy serve: hostile requests", .serialized)
struct HostileRequestTests {
    @Test("A 20 MB body is refused with 413 and the server still answers")
    func twentyMegabytes() async throws {
        try await withLiveServer { client in
            let body = [UInt8](repeating: UInt8(ascii: "a"), count: 20 << 20)
            let reply = try await client.send("POST", "/api/classify", body: body)
            #expect(reply.status == 413)
            #expect((try await client.send("GET", "/healthz")).status == 200)
        }
    }

    @Test("1,000 slow connections (a request begun, never finished) leave /healthz answering")
    func slowConnections() async throws {
        try await withLiveServer { client in
            let port = client.port
            let opened: [Int32] = try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(with: Result {
                        var sockets: [Int32] = []
                        let partial = Array("POST /api/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nid: ".utf8)
                        for _ in 0..<1000 {
                            let fd = try HTTPTestClient.connect(port: port)
                            _ = partial.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                            sockets.append(fd)
                        }
                        return sockets
                    })
                }
            }
            defer { for fd in opened { close(fd) } }
            #expect(opened.count == 1000)
            let started = ContinuousClock.now
            let health = try await client.send("GET", "/healthz")
            #expect(health.status == 200)
            // Bounded, not timed: the whole suite runs in parallel on CI's two cores.
            #expect(ContinuousClock.now - started < .seconds(20))
            let yaml = Array("id: X-1\n".utf8)
            #expect((try await client.send("POST", "/api/classify", body: yaml)).status == 400)
        }
    }
}
