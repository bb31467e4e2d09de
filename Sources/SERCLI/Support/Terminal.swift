import SERCore
import SERReports
import SERWorkbench
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// What standard output and standard error are connected to: their width and whether
/// colour is welcome. The one terminal probe of the command line.
enum Terminal {
    /// Columns available: `$COLUMNS` when set to a positive number, else the window size of
    /// the terminal on `descriptor` (standard output by default; `TIOCGWINSZ`), else `nil`
    /// (piped: no limit).
    static func width(
        environment: [String: String] = ProcessInfo.processInfo.environment, descriptor: Int32 = STDOUT_FILENO
    ) -> Int? {
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0 {
            return columns
        }
        #if canImport(Glibc)
            guard isatty(descriptor) == 1 else { return nil }
            var size = winsize()
            if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        #endif
        return nil
    }

    /// ANSI colour only when standard output is a terminal, `NO_COLOR` is unset and `TERM`
    /// is not `dumb` (https://no-color.org).
    static func colorEnabled(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        #if canImport(Glibc)
            return isatty(STDOUT_FILENO) == 1
        #else
            return false
        #endif
    }
}
