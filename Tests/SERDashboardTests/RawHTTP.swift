import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket: sends exactly the bytes given (so a test
/// can send targets a URL library would normalise, like `/../`) and reads the answer.
enum RawHTTP {
    struct Response {
        var status: Int
        /// Header names lower-cased.
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error {
        case socket(String)
        case malformed(String)
    }

    /// `GET target` (or `method`) with `headers`, on a thread of its own (the blocking socket
    /// must not hold one of the few threads the in-process server's tasks run on).
    static func request(port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:], timeout: TimeInterval = 30)
        async throws -> Response
    {
        try await onThread { try requestBlocking(port: port, target, method: method, headers: headers, timeout: timeout) }
    }

    /// ``stream(port:_:timeout:done:)`` on a thread of its own.
    static func stream(port: Int, _ target: String, timeout: TimeInterval, done: @escaping @Sendable (String) -> Bool) async throws
        -> String
    {
        try await onThread { try streamBlocking(port: port, target, timeout: timeout, done: done) }
    }

    /// Runs `body` on a new thread and returns its result.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.start()
        }
    }

    /// `GET target` (or `method`) with `headers`; reads until the server closes.
    static func requestBlocking(
        port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:], timeout: TimeInterval = 30
    ) throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let fd = try connect(port: port, timeout: timeout)
        defer { close(fd) }
        try send(fd, head)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return try parse(data, method: method)
    }

    /// Opens a streaming GET and reads until `done(textSoFar)` is true or `timeout` passes;
    /// returns the text received (headers included).
    static func streamBlocking(port: Int, _ target: String, timeout: TimeInterval, done: (String) -> Bool) throws -> String {
        let fd = try connect(port: port, timeout: 0.5)
        defer { close(fd) }
        try send(fd, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 8192)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && !done(text) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { text += String(decoding: buffer[0..<n], as: UTF8.self) } else if n == 0 { break }
        }
        return text
    }

    private static func connect(port: Int, timeout: TimeInterval) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.socket("socket() failed") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure.socket("connect to port \(port) failed (errno \(errno))")
        }
        return fd
    }

    private static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw Failure.socket("send failed") }
            sent += n
        }
    }

    /// Splits status line, headers and body; undoes chunked transfer coding.
    private static func parse(_ data: Data, method: String) throws -> Response {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure.malformed("no header end in \(data.count) bytes") }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
            let status = Int(statusLine.split(separator: " ")[1])
        else {
            throw Failure.malformed("bad status line")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var decoded = Data()
            var rest = body[...]
            while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
                let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                    throw Failure.malformed("bad chunk size")
                }
                if size == 0 { break }
                let start = lineEnd.upperBound
                guard rest.distance(from: start, to: rest.endIndex) >= size else { throw Failure.malformed("short chunk") }
                let end = rest.index(start, offsetBy: size)
                decoded.append(rest[start..<end])
                rest = rest[rest.index(end, offsetBy: 2)...]
            }
            body = decoded
        }
        return Response(status: status, headers: headers, body: body)
    }
}
