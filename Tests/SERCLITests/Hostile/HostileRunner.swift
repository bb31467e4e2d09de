import Foundation

/// Runs `ser` on a hostile case: under a memory limit, with a time limit after which the
/// process is killed, and with its standard streams captured or sent to `/dev/full`.
enum HostileRunner {
    /// Seconds a case may take before it counts as a hang and is killed.
    static let timeout: TimeInterval = 60
    /// The address-space limit (`ulimit -v`, KiB) every case runs under, so a runaway
    /// allocation fails inside `ser` instead of exhausting the machine: 8 GiB.
    static let memoryLimitKiB = 8 << 20

    /// How the process ended.
    struct Outcome: Sendable {
        /// The exit status, or the signal number when ``signalled``.
        var status: Int32
        /// Ended by a signal (crash, abort, trap, or our kill after a hang).
        var signalled: Bool
        /// Killed by us after ``HostileRunner/timeout``.
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var seconds: Double

        /// One line for failure messages.
        var summary: String {
            let end =
                timedOut
                ? "hung (killed after \(Int(seconds)) s)"
                : signalled ? "killed by signal \(status)" : "exit \(status)"
            return "\(end) in \(String(format: "%.1f", seconds)) s; stderr: \(stderr.prefix(600))"
        }
    }

    /// util-linux's tool to run a command as another user.
    static let setpriv = "/usr/bin/setpriv"

    /// The user cases that need an ordinary user run as when the suite runs as root
    /// (`nobody`), or `nil` when they cannot (no setpriv).
    static var ordinaryUser: UInt32? {
        FileManager.default.isExecutableFile(atPath: setpriv) ? 65534 : nil
    }

    /// Gives every file below `folder` (and the folder) to `user`, so that an ordinary user
    /// meets the permission bits a case set, as the owner would.
    static func give(_ folder: URL, to user: UInt32) {
        lchown(folder.path, user, user)
        if let walk = FileManager.default.enumerator(atPath: folder.path) {
            while let relative = walk.nextObject() as? String {
                lchown(folder.appendingPathComponent(relative).path, user, user)
            }
        }
    }

    /// Runs `ser arguments` (or another built executable) in `folder`, as `user` when given.
    static func run(
        _ command: HostileCommand, in folder: URL, executable: URL = SERProcess.binary, environment: [String: String] = [:],
        timeout: TimeInterval = HostileRunner.timeout, memoryLimitKiB: Int = HostileRunner.memoryLimitKiB, user: UInt32? = nil
    ) throws -> Outcome {
        let process = Process()
        // `exec` replaces the shell, so the status and signal are ser's own.
        let shell = ["/bin/sh", "-c", "ulimit -v \(memoryLimitKiB) && exec \"$0\" \"$@\"", executable.path] + command.arguments
        if let user {
            // As an ordinary user (root reads and writes anything): setpriv, from util-linux.
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--clear-groups"] + shell
        } else {
            process.executableURL = URL(fileURLWithPath: shell[0])
            process.arguments = Array(shell.dropFirst())
        }
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SER_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        let full = FileHandle(forWritingAtPath: "/dev/full")
        process.standardOutput = command.stdout == .full ? (full as Any) : out
        process.standardError = command.stderr == .full ? (full as Any) : err
        let start = Date()
        try process.run()
        let watchdog = Watchdog()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if watchdog.arm() { kill(pid, SIGKILL) }
        }
        let errText = Reader(command.stderr == .captured ? err.fileHandleForReading : nil)
        let outText = Reader(command.stdout == .captured ? out.fileHandleForReading : nil)
        process.waitUntilExit()
        let timedOut = !watchdog.disarm()
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        return Outcome(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
            stdout: outText.text(), stderr: errText.text(), seconds: Date().timeIntervalSince(start))
    }
}

/// Decides once between "the process ended" and "time is up".
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var decided = false
    private var fired = false

    /// Time is up: true when the process had not ended yet (the caller kills it).
    func arm() -> Bool {
        lock.withLock {
            if decided { return false }
            decided = true
            fired = true
            return true
        }
    }

    /// The process ended: false when the watchdog had already fired.
    func disarm() -> Bool {
        lock.withLock {
            decided = true
            return !fired
        }
    }
}

/// Reads a pipe to its end on its own thread (so a chatty child never blocks).
private final class Reader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    private let active: Bool

    init(_ handle: FileHandle?) {
        active = handle != nil
        guard let handle else { return }
        Thread {
            let bytes = handle.readDataToEndOfFile()
            self.lock.withLock { self.data = bytes }
            self.done.signal()
        }.start()
    }

    /// Everything read, as text (invalid UTF-8 repaired); waits for the end of the pipe.
    func text() -> String {
        guard active else { return "" }
        done.wait()
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}
