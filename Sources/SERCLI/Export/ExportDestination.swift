import Foundation

/// Where `ser export` writes: checked before any work, written atomically (a temporary file
/// in the same folder, then `rename`), so a failed or interrupted export leaves no partial file.
struct ExportDestination {
    /// The absolute path of the file.
    let path: String

    /// Checks `path`: its folder exists and is a folder, the path is not a folder, and an
    /// existing file is only replaced with `force`.
    ///
    /// - Throws: ``ModelUseError`` naming the path and the reason.
    init(_ rawPath: String, force: Bool) throws {
        let absolute = URL(fileURLWithPath: rawPath).standardizedFileURL.path
        let folder = (absolute as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw ModelUseError(path: rawPath, "the folder \(folder) does not exist (create it first)")
        }
        guard isFolder.boolValue else { throw ModelUseError(path: rawPath, "\(folder) is not a folder") }
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) {
            if isFolder.boolValue { throw ModelUseError(path: rawPath, "is a folder; give a file name") }
            if !force { throw ModelUseError(path: rawPath, "already exists; pass --force to overwrite it") }
        }
        guard access(folder, W_OK) == 0 else {
            throw ModelUseError(path: rawPath, "the folder \(folder) is not writable: \(String(cString: strerror(errno)))")
        }
        path = absolute
    }

    /// Writes `bytes` to a temporary file next to ``path``, flushes it and renames it over.
    ///
    /// - Throws: ``ModelUseError`` with the system's reason; the temporary file is removed.
    func write(_ bytes: [UInt8]) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = "\(folder)/.\(name).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw ModelUseError(path: path, "cannot be written: \(String(cString: strerror(errno)))")
        }
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { raw in
            while written < raw.count, let base = raw.baseAddress {
                let n = Foundation.write(descriptor, base + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                written += n
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw ModelUseError(path: path, "cannot be written: \(failure)")
        }
    }
}
