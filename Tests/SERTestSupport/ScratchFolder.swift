import Foundation

/// Temporary folders for tests. Every folder a test process makes lives under one folder of
/// that process, `$TMPDIR/ser-tests.<pid>`, which is removed when the process exits; the
/// first test process to start after one that died without exiting (a crash, a kill) removes
/// the dead one's folder. `swift test` therefore leaves nothing behind, however many fixtures
/// it makes or how large the databases they train.
public enum ScratchFolder {
    /// A fresh, empty folder `<root>/<label>-<8 hex digits>` (the label defaults to the calling
    /// test's name, letters and digits only), symbolic links resolved (so paths compare equal
    /// to what a child process reports).
    public static func make(_ label: String = #function) throws -> URL {
        let safe = String(label.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(60))
        let url = root.appendingPathComponent("\(safe.isEmpty ? "test" : safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    /// This process's folder, made on first use; removed at exit.
    public static let root: URL = {
        removeFoldersOfDeadProcesses()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchFolder.root) }
        return url.resolvingSymlinksInPath()
    }()

    /// The name of a process's folder is this prefix and its pid.
    public static let prefix = "ser-tests."

    /// Removes the `ser-tests.<pid>` folders in `temporary` whose process no longer exists
    /// (a process that exists but is not ours to signal keeps its folder); returns their names.
    @discardableResult
    public static func removeFoldersOfDeadProcesses(in temporary: URL = FileManager.default.temporaryDirectory) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH,
                (try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))) != nil
            {
                removed.append(name)
            }
        }
        return removed
    }
}
