@preconcurrency import Glibc
import SERCore
import SERReports
import SERWorkbench
import Foundation

/// The process's standard output and error, written so that a full disk, `/dev/full`, a
/// closed pipe or a vanished terminal never crashes `ser` nor goes unnoticed.
///
/// Foundation's `FileHandle.write(_:)` traps (SIGILL) when the write fails, and `print`
/// drops failed writes silently; every line `ser` writes goes through here instead.
/// Standard output shares `print`'s stdio buffer (so the two keep their order); its failures
/// are found by ``finish()``. Standard error is written unbuffered with `write(2)`; a failure
/// there is ignored, since there is nowhere left to report it.
enum Console {
    /// C's `stdout`, the stream `print` writes to.
    nonisolated(unsafe) private static let standardOutput = stdout

    /// Writes `text` to standard output (buffered with `print`'s output).
    static func out(_ text: String) {
        fputs(text, standardOutput)
    }

    /// Pushes buffered standard output out now (a long-running command's first lines).
    static func flush() {
        fflush(standardOutput)
    }

    /// Writes `text` to standard error at once, retrying short writes; gives up silently when
    /// standard error cannot be written.
    static func error(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Ignores SIGPIPE, so that a reader closing the pipe (`ser runs | head -1`) turns into an
    /// EPIPE error that ``finish()`` reports, not a kill by signal.
    static func install() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Flushes standard output and says whether everything written to it arrived.
    ///
    /// - Returns: `nil` when all output was written; otherwise the exit status to end with:
    ///   141 (128 + SIGPIPE, what a shell reports for a process killed by it) when the reader
    ///   went away, 1 for any other failure (`ENOSPC`, `EIO`), after saying so on standard error.
    static func finish() -> Int32? {
        errno = 0
        let flushed = fflush(standardOutput) == 0
        let code = errno
        guard !flushed || ferror(standardOutput) != 0 else { return nil }
        if code == EPIPE { return 141 }
        error("ser: error: standard output: \(String(cString: strerror(code == 0 ? EIO : code))); the output is incomplete\n")
        return 1
    }
}
