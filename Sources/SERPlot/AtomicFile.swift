public import Foundation
import SERCore

/// Writes output files all-or-nothing, and only as regular files: the bytes go to a hidden
/// temporary file in the destination's folder, are flushed to disk (`fsync`), and the
/// temporary file is renamed over the destination; the folder is synced after the rename.
///
/// The one writer of every file `ser` produces (figures, reports, exported models). A
/// destination that is a symbolic link is written through to the regular file it points to
/// (the link stays a link); a link to nothing, a folder, a device (`/dev/null`), a FIFO or a
/// socket is refused — never replaced by a regular file.
public enum AtomicFile {
    /// Checks that `path` can receive a regular file, before any work is done.
    ///
    /// - Returns: the absolute path that will be replaced: `path` itself, or the regular file
    ///   a symbolic link at `path` resolves to.
    /// - Throws: ``PlotError`` `.io` naming `path` and the rule it breaks: its folder is
    ///   missing or not writable, or it is (or links to) a folder, device, FIFO or socket, or
    ///   is a dangling link.
    @discardableResult
    public static func destination(_ path: String) throws -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var link = stat()
        var target = absolute
        if lstat(absolute, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(absolute, nil) else {
                throw PlotError(.io, path: path, "is a symbolic link to nothing (\(String(cString: strerror(errno)))); give a file path")
            }
            target = String(cString: resolved)
            free(resolved)
        }
        var info = stat()
        if stat(target, &info) == 0 {
            if let kind = FileKind.name(mode: info.st_mode) {
                let via = target == absolute ? "" : " (a link to \(target))"
                throw PlotError(.io, path: path, "is \(kind)\(via); ser writes only regular files and never replaces anything else")
            }
        } else if errno != ENOENT && errno != ENOTDIR {
            throw PlotError(.io, path: path, "cannot be checked: \(String(cString: strerror(errno)))")
        }
        let folder = (target as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw PlotError(.io, path: path, "cannot be written: the folder \(folder) does not exist (create it first)")
        }
        guard isDirectory.boolValue else {
            throw PlotError(.io, path: path, "cannot be written: \(folder) is not a folder")
        }
        guard access(folder, W_OK) == 0 else {
            throw PlotError(
                .io, path: path, "cannot be written: the folder \(folder) is not writable (\(String(cString: strerror(errno))))")
        }
        return target
    }

    /// Writes `data` to `path` (see the type's summary).
    ///
    /// - Throws: ``PlotError`` `.io` naming `path`: a destination ``destination(_:)``
    ///   refuses, or a failed write, sync or rename (the temporary file is removed and the
    ///   destination is as it was).
    public static func write(_ data: Data, to path: String) throws {
        let target = try destination(path)
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = "\(folder)/.\((target as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        var existing = stat()
        let mode: mode_t = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw PlotError(.io, path: path, "cannot be written: \(String(cString: strerror(errno)))")
        }
        var failure: String?
        data.withUnsafeBytes { raw in
            var written = 0
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
        if failure == nil && fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil && rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw PlotError(.io, path: path, "cannot be written: \(failure)")
        }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}
