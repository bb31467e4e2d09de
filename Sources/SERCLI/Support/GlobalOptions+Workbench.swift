import SERCore
import SERStore
import SERWorkbench

extension GlobalOptions {
    /// The workbench a command calls: this database, progress bars on standard error (none
    /// with `--quiet` or `--json`), Ctrl-C and SIGTERM as cancellation, and the command line
    /// as typed recorded with every run.
    func workbench(store: Store? = nil, observer: any RunObserver = SilentRunObserver()) throws -> Workbench {
        InterruptFlag.install()
        return Workbench(
            store: try store ?? openStore(), observer: observer, progress: ConsoleProgress(quiet: quiet || json),
            cancellation: InterruptFlag.token, invocation: Invocation(arguments: CommandLine.arguments))
    }
}

extension InterruptFlag {
    /// A token cancelled by the first SIGINT or SIGTERM.
    static let token = CancellationToken(polling: { InterruptFlag.isRaised })
}
