public import SERWorkbench

/// Progress on standard error as ``ProgressBar``s: a redrawn bar on a terminal, occasional
/// lines otherwise, nothing when quiet.
struct ConsoleProgress: ProgressReporter {
    let quiet: Bool

    func begin(_ title: String, total: Int, unit: String) -> any ProgressTask {
        ProgressBar(total: total, title: title, unit: unit, mode: ProgressBar.automaticMode(quiet: quiet))
    }
}

extension ProgressBar: ProgressTask {}
