import Foundation

extension SERProcess {
    /// Runs `ser` to completion within `timeout` seconds; a process still running then is
    /// killed (SIGKILL) and reported with status −1, so a hang fails the test instead of
    /// stalling the suite.
    ///
    /// - Parameter unprivilegedIn: when the tests run as root (who reads any file), run `ser`
    ///   as user `nobody` through `setpriv`, with this folder opened to it (mode 0777, its
    ///   files 0666), so permission checks apply.
    static func run(_ arguments: [String], timeout: TimeInterval, unprivilegedIn folder: URL? = nil) throws -> Result {
        var process = make(arguments)
        if let folder, getuid() == 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let path = folder.appendingPathComponent(name).path
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                    try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path)
                }
            }
            process = make(
                ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments,
                executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        }
        let box = ResultBox()
        let worker = Thread { [process] in
            do { box.result = .success(try collect(process)) } catch { box.result = .failure(error) }
            box.done.signal()
        }
        worker.start()
        if box.done.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            box.done.wait()
            return Result(status: -1, stdout: "", stderr: "timed out after \(timeout) s")
        }
        return try box.result?.get() ?? Result(status: -1, stdout: "", stderr: "no result")
    }
}

/// The outcome of a process collected on another thread (written before `done` is signalled).
private final class ResultBox: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var result: Swift.Result<SERProcess.Result, any Error>?
}
