import Foundation

/// Names the kind of a file from its `stat` mode, for messages that refuse anything but a
/// regular file (an output path, a database, an audio source). Pure: the caller stats.
public enum FileKind {
    /// What a non-regular file is, in words (`a FIFO (named pipe)`), or `nil` for a regular file.
    ///
    /// - Parameter mode: `st_mode` of a `stat`.
    public static func name(mode: UInt32) -> String? {
        switch mode_t(mode) & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}
