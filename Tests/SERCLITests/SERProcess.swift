import Foundation

/// Runs the built `ser` binary as a subprocess.
enum SERProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        var result: Result
        var description: String { "ser exited \(result.status): \(result.stderr)" }
    }

    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `.build/debug/ser` (built by `swift build` / `swift test` along with the tests).
    static var binary: URL { packageRoot.appendingPathComponent(".build/debug/ser") }

    /// A `ser` process ready to run: `SER_DB` removed from the environment (so discovery is
    /// what the test sets up), `environment` added, optionally in `folder`.
    static func make(_ arguments: [String], in folder: URL? = nil, executable: URL? = nil, environment: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SER_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }

    /// Starts `ser` without waiting (output discarded).
    static func start(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Process {
        let process = make(arguments, in: folder, environment: environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `ser` (or another executable, e.g. a copy elsewhere) to completion, optionally in
    /// `folder`, and captures its output.
    static func run(_ arguments: [String], in folder: URL? = nil, executable: URL? = nil, environment: [String: String] = [:]) throws
        -> Result
    {
        try collect(make(arguments, in: folder, executable: executable, environment: environment))
    }

    /// Runs a configured process to completion, capturing both streams.
    static func collect(_ process: Process) throws -> Result {
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child never blocks.
        let errData = Collected()
        let thread = Thread { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        thread.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.done { usleep(1000) }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

/// Standard error read on another thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Data?
    var data: Data {
        get { lock.withLock { value ?? Data() } }
        set { lock.withLock { value = newValue } }
    }
    var done: Bool { lock.withLock { value != nil } }
}
