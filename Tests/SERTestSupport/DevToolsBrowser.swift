import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a browser session failed: the command (or wait) and what went wrong.
public struct DevToolsError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Headless Chromium driven through the DevTools protocol over a pipe
/// (`--remote-debugging-pipe`: the browser reads commands on its fd 3 and writes replies and
/// events on its fd 4, each message one JSON object ended by a NUL byte). No port, no
/// WebSocket, no download: the tests talk to Debian's `chromium` directly.
///
/// Every call blocks until the browser answers, so use a session from one thread (a test runs
/// it on its own thread, away from the cooperative pool).
public final class DevToolsBrowser: @unchecked Sendable {
    private let pid: pid_t
    private let commands: Int32
    private let replies: Int32
    private let profile: URL
    private var nextID = 0
    private var pending = [UInt8]()
    private var closed = false
    /// Uncaught script exceptions per page session, from `Runtime.exceptionThrown` events.
    private var exceptions: [String: [String]] = [:]

    /// Starts the browser (``Chromium/executable``) with a private profile.
    public init() throws {
        guard let executable = Chromium.executable else { throw DevToolsError("chromium is not installed") }
        profile = try ScratchFolder.make("devtools")
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw DevToolsError("pipe: errno \(errno)") }
        // Above 4 and close-on-exec, so the child's dup2 onto 3 and 4 cannot collide with them.
        func high(_ fd: Int32) -> Int32 {
            let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            Glibc.close(fd)
            return moved
        }
        let childReads = high(toBrowser[0])
        commands = high(toBrowser[1])
        replies = high(fromBrowser[0])
        let childWrites = high(fromBrowser[1])
        defer {
            Glibc.close(childReads)
            Glibc.close(childWrites)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, childReads, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrites, 4)
        let arguments = [
            executable, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
            "--mute-audio", "--remote-debugging-pipe", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        guard status == 0 else {
            Glibc.close(commands)
            Glibc.close(replies)
            throw DevToolsError("posix_spawn \(executable): errno \(status)")
        }
        pid = child
    }

    deinit { close() }

    /// Asks the browser to quit, waits up to 10 s, then kills it; removes the profile.
    public func close() {
        guard !closed else { return }
        closed = true
        _ = try? send("Browser.close", timeout: 10)
        Glibc.close(commands)
        Glibc.close(replies)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(10)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            usleep(20_000)
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// Opens `url` in a new tab of `width`×`height` CSS pixels and waits until the document
    /// has loaded (`document.readyState == "complete"`).
    public func open(_ url: String, width: Int = 1400, height: Int = 1800, timeout: TimeInterval = 60) throws -> DevToolsPage {
        let target = try send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw DevToolsError("Target.createTarget gave \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw DevToolsError("Target.attachToTarget gave \(attached)") }
        let page = DevToolsPage(browser: self, session: session, target: targetID)
        _ = try send("Runtime.enable", session: session)
        _ = try send(
            "Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false],
            session: session)
        _ = try send("Page.navigate", ["url": url], session: session)
        _ = try page.wait(
            until: "location.href !== 'about:blank' && document.readyState === 'complete'", timeout: timeout)
        return page
    }

    /// The uncaught exceptions a page's scripts threw so far.
    func exceptions(of session: String) -> [String] { exceptions[session] ?? [] }

    /// Sends `method` with `params` (to a page when `session` is given) and returns the reply's
    /// `result`; throws the reply's `error`, or when no reply comes within `timeout` seconds.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: TimeInterval = 60) throws
        -> [String: Any]
    {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard n > 0 else { throw DevToolsError("\(method): the browser closed its command pipe (errno \(errno))") }
            written += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try nextMessage(until: deadline, waitingFor: method)
            if let event = reply["method"] as? String {
                if event == "Runtime.exceptionThrown", let from = reply["sessionId"] as? String,
                    let details = (reply["params"] as? [String: Any])?["exceptionDetails"] as? [String: Any]
                {
                    let text = ((details["exception"] as? [String: Any])?["description"] as? String) ?? "\(details["text"] ?? "")"
                    exceptions[from, default: []].append(text)
                }
                continue
            }
            guard reply["id"] as? Int == id else { continue }
            if let error = reply["error"] { throw DevToolsError("\(method): \(error)") }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    /// The next NUL-terminated message from the browser, decoded.
    private func nextMessage(until deadline: Date, waitingFor method: String) throws -> [String: Any] {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let data = Data(pending[..<end])
                pending.removeSubrange(...end)
                guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    throw DevToolsError("\(method): a reply that is not a JSON object")
                }
                return object
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw DevToolsError("\(method): no reply within the time allowed") }
            var descriptor = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(left, 1) * 1000))
            if ready < 0 && errno != EINTR { throw DevToolsError("\(method): poll errno \(errno)") }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { read(replies, $0.baseAddress, $0.count) }
            guard n > 0 else { throw DevToolsError("\(method): the browser exited") }
            pending.append(contentsOf: chunk[..<n])
        }
    }
}

/// One tab of a ``DevToolsBrowser``.
public struct DevToolsPage {
    let browser: DevToolsBrowser
    let session: String
    let target: String

    /// Evaluates `expression` in the page (promises awaited) and returns its value as JSON
    /// gives it (`String`, `NSNumber`, arrays, dictionaries, or `nil` for null/undefined).
    /// A thrown script error is a ``DevToolsError``.
    public func evaluate(_ expression: String) throws -> Any? {
        let reply = try browser.send(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true], session: session)
        if let details = reply["exceptionDetails"] as? [String: Any] {
            throw DevToolsError("\(expression): \((details["exception"] as? [String: Any])?["description"] ?? details)")
        }
        return (reply["result"] as? [String: Any])?["value"]
    }

    /// Polls `expression` every 25 ms until it is truthy (not null, false, 0 or "") and returns
    /// that value with the moment it was first seen; throws after `timeout` seconds with the
    /// last value.
    @discardableResult
    public func wait(until expression: String, timeout: TimeInterval = 30) throws -> (value: Any, at: Date) {
        let deadline = Date().addingTimeInterval(timeout)
        var last: Any?
        while true {
            last = try evaluate(expression)
            let at = Date()
            if let value = last, Self.truthy(value) { return (value, at) }
            guard at < deadline else { throw DevToolsError("waited \(timeout) s for \(expression); last value \(last ?? "null")") }
            usleep(25_000)
        }
    }

    /// The page's DOM as HTML, after its scripts ran.
    public func html() throws -> String {
        try evaluate("document.documentElement.outerHTML") as? String ?? ""
    }

    /// Clicks the middle of the first element matching `selector` with the mouse, as a user
    /// would (pressed and released at its on-screen position, scrolled into view first).
    public func click(_ selector: String) throws {
        let quoted = String(decoding: try JSONSerialization.data(withJSONObject: [selector]), as: UTF8.self)
        guard
            let box = try evaluate(
                """
                (() => { const e = document.querySelector(\(quoted)[0]); if (!e) return null;
                  e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();
                  return [r.left + r.width / 2, r.top + r.height / 2]; })()
                """) as? [Double], box.count == 2
        else { throw DevToolsError("no element matches \(selector)") }
        for type in ["mousePressed", "mouseReleased"] {
            try browser.send(
                "Input.dispatchMouseEvent", ["type": type, "x": box[0], "y": box[1], "button": "left", "clickCount": 1],
                session: session)
        }
    }

    /// Saves what the tab shows as a PNG file.
    public func screenshot(to file: URL) throws {
        let reply = try browser.send("Page.captureScreenshot", ["format": "png"], session: session)
        guard let base64 = reply["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw DevToolsError("Page.captureScreenshot gave no image")
        }
        try data.write(to: file)
    }

    /// Uncaught exceptions the page's scripts threw so far (empty for a healthy page).
    public var exceptions: [String] { browser.exceptions(of: session) }

    /// Closes the tab.
    public func close() throws {
        try browser.send("Target.closeTarget", ["targetId": target])
    }

    static func truthy(_ value: Any) -> Bool {
        switch value {
        case let number as NSNumber: return number != 0
        case let text as String: return !text.isEmpty
        default: return true
        }
    }
}
