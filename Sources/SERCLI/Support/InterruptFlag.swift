import Dispatch
import Foundation

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a flag that long commands poll between
/// units of work, so they can commit what is done, mark their state and exit cleanly. A
/// second signal exits at once with status 130.
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    private var sources: [any DispatchSourceSignal] = []

    /// Whether a signal has arrived.
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return set
    }

    /// Starts catching SIGINT and SIGTERM for this process.
    static func install() -> InterruptFlag {
        let flag = InterruptFlag()
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [flag] in flag.trip() }
            source.resume()
            flag.sources.append(source)
        }
        return flag
    }

    private func trip() {
        lock.lock()
        let already = set
        set = true
        lock.unlock()
        if already {
            FileHandle.standardError.write(Data("\nser: interrupted again; exiting now\n".utf8))
            exit(130)
        }
        FileHandle.standardError.write(Data("\nser: interrupted; finishing the current step (Ctrl-C again to exit now)\n".utf8))
    }
}
