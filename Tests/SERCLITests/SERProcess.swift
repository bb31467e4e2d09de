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
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/debug/ser` (built by `swift build` / `swift test` along with the tests).
    static var binary: URL { packageRoot.appendingPathComponent(".build/debug/ser") }

    /// Starts `ser` without waiting.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SER_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `ser` to completion and captures its output.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SER_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
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
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
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
