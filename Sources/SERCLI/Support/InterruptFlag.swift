import SERCore
import SERReports
import SERWorkbench
import Foundation

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a flag that long commands check between
/// units of work, so they can finish the transaction in flight, say what was kept and exit.
/// A second signal kills the process at once (the default action is restored) — which is
/// still safe: every transaction is all or nothing.
///
/// The flag holds the signal's number, so an interrupted command exits with the shell's
/// convention, 128 + signal: 130 for Ctrl-C, 143 for SIGTERM (``exitStatus``).
enum InterruptFlag {
    nonisolated(unsafe) private static var raised: sig_atomic_t = 0

    /// Installs the handlers (idempotent) and unblocks the signals, which a parent process
    /// may have left blocked in the mask we inherited.
    static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { number in
                InterruptFlag.raised = sig_atomic_t(number)
                signal(number, SIG_DFL)
            }
        }
    }

    /// Whether a signal arrived since ``install()``.
    static var isRaised: Bool { raised != 0 }

    /// 128 + the signal that arrived (130 SIGINT, 143 SIGTERM), or `nil` when none did.
    static var exitStatus: Int32? { raised != 0 ? 128 + Int32(raised) : nil }
}
