import Foundation
public import SERCore

/// The one way `ser` looks at and opens a source audio file: through any symbolic links to
/// the file they resolve to (`stat`, never `lstat`), regular files only, and an `open` that
/// cannot block.
///
/// A corpus may be made of links (a folder of linked speaker folders, a `cp -rs` tree), so
/// a path is recorded as given and checked as its target. A link to a character or block
/// device (`/dev/zero`), a FIFO or a socket is refused with its kind: reading one would never
/// end, or block in `open` until a writer appears.
public enum SourceFile {
    /// Facts about the file a path resolves to.
    public struct Status: Sendable, Equatable {
        /// Size in bytes.
        public var size: Int64
        /// Last modification, seconds since 1970.
        public var modified: Double
        /// Device and inode: equal for two paths of the same file.
        public var device: UInt64
        public var inode: UInt64
    }

    /// The status of the file `path` resolves to.
    ///
    /// - Throws: ``AudioError`` `.unreadable` when it does not exist (or a link is broken)
    ///   or is not a regular file (the reason names its kind).
    public static func status(path: String) throws(AudioError) -> Status {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            throw AudioError(
                .unreadable, path: path,
                code == ENOENT
                    ? (isLink(path) ? "is a broken symbolic link (its target does not exist)" : "no such file")
                    : "cannot be examined: \(String(cString: strerror(code)))")
        }
        if let kind = FileKind.name(mode: info.st_mode) {
            throw AudioError(.unreadable, path: path, "is \(kind), not a regular file; only regular files are read")
        }
        return Status(
            size: Int64(info.st_size),
            modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9,
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Opens the file `path` resolves to for reading. The open uses `O_NONBLOCK`, so a FIFO
    /// cannot block it, and the descriptor is checked with `fstat` to be a regular file (the
    /// link cannot be swapped between a check and the open); `O_NONBLOCK` is then cleared.
    ///
    /// - Returns: the descriptor and the file's size in bytes; the caller closes it.
    /// - Throws: ``AudioError`` `.unreadable`: missing, permissions, not a regular file.
    public static func open(path: String) throws(AudioError) -> (descriptor: Int32, size: Int64) {
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT:
                throw AudioError(
                    .unreadable, path: path, isLink(path) ? "is a broken symbolic link (its target does not exist)" : "no such file")
            case EACCES: throw AudioError(.unreadable, path: path, "cannot be read (permissions)")
            default: throw AudioError(.unreadable, path: path, "cannot be opened: \(String(cString: strerror(code)))")
            }
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw AudioError(.unreadable, path: path, "cannot be examined: \(reason)")
        }
        if let kind = FileKind.name(mode: info.st_mode) {
            Glibc.close(descriptor)
            throw AudioError(.unreadable, path: path, "is \(kind), not a regular file; only regular files are read")
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return (descriptor, Int64(info.st_size))
    }

    /// Whether `path` itself is a symbolic link.
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }
}
