import SERCore
import SERReports
import SERWorkbench
import Foundation

/// A progress display on standard error, safe to advance from many threads.
///
/// - On a terminal: one line redrawn in place (at most 10 times a second) with a bar, the
///   count, the rate and the estimated time left:
///   `importing [=========>          ]  512/1080  47%  312.4 files/s  ETA 1.8s`.
/// - Not a terminal (a log file, CI): a plain line every 10 % or every 10 seconds.
/// - Quiet: nothing.
///
/// Call ``finish()`` once at the end; it draws the final state and ends the line.
public final class ProgressBar: @unchecked Sendable {
    /// How progress is shown.
    public enum Mode: Sendable, Equatable {
        /// Redrawn bar (standard error is a terminal).
        case terminal
        /// Occasional plain lines.
        case lines
        /// Nothing.
        case silent
    }

    /// The display mode.
    public let mode: Mode
    private let title: String
    private let unit: String
    private let lock = NSLock()
    private let start = Date()
    private var total: Int
    private var done = 0
    private var lastDraw = Date.distantPast
    private var lastDecile = 0
    private var lastPrinted = -1
    private var finished = false
    private let output: (String) -> Void

    /// The mode for this process: silent when `quiet`, else terminal or lines depending on
    /// whether standard error is a terminal.
    public static func automaticMode(quiet: Bool) -> Mode {
        if quiet { return .silent }
        return isatty(STDERR_FILENO) == 1 ? .terminal : .lines
    }

    /// Creates a progress display.
    ///
    /// - Parameters:
    ///   - total: the count at completion (≥ 0; may be raised later with ``setTotal(_:)``).
    ///   - title: what is going on (`importing`, `features`).
    ///   - unit: what is counted, plural (`files`, `clips`, `epochs`).
    ///   - mode: how to show it; see ``automaticMode(quiet:)``.
    ///   - output: where text goes (standard error by default; tests capture it).
    public init(
        total: Int, title: String, unit: String = "files", mode: Mode,
        output: (@Sendable (String) -> Void)? = nil
    ) {
        self.total = max(0, total)
        self.title = title
        self.unit = unit
        self.mode = mode
        self.output = output ?? { Console.error($0) }
        self.lastDraw = mode == .lines ? start : .distantPast
    }

    /// Changes the expected total.
    public func setTotal(_ newTotal: Int) {
        lock.withLock { total = max(0, newTotal) }
    }

    /// Counts `count` more units done and redraws if it is time to.
    public func advance(by count: Int = 1) {
        lock.withLock {
            done += count
            draw(force: false)
        }
    }

    /// Draws the final state and ends the line. Later calls do nothing.
    public func finish() {
        lock.withLock {
            guard !finished else { return }
            draw(force: true)
            finished = true
            if mode == .terminal { output("\n") }
        }
    }

    /// The text of the current state (without control characters), for tests and logs.
    public func statusLine(barWidth: Int = 24) -> String {
        lock.withLock { render(barWidth: barWidth, elapsed: Date().timeIntervalSince(start)) }
    }

    private func draw(force: Bool) {
        guard !finished else { return }
        let now = Date()
        switch mode {
        case .silent:
            return
        case .terminal:
            guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            output("\r\u{1B}[2K" + render(barWidth: Self.barWidth(), elapsed: now.timeIntervalSince(start)))
        case .lines:
            let decile = total > 0 ? done * 10 / total : 0
            guard force || decile > lastDecile || now.timeIntervalSince(lastDraw) >= 10 else { return }
            guard done != lastPrinted else { return }
            lastPrinted = done
            lastDecile = decile
            lastDraw = now
            output(render(barWidth: 0, elapsed: now.timeIntervalSince(start)) + "\n")
        }
    }

    private func render(barWidth: Int, elapsed: Double) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        var parts = [title]
        if barWidth > 0 {
            let filled = Int((fraction * Double(barWidth)).rounded(.down))
            let head = filled < barWidth && filled > 0 ? ">" : ""
            let body = String(repeating: "=", count: max(0, filled - head.count)) + head
            parts.append("[" + body + String(repeating: " ", count: barWidth - body.count) + "]")
        }
        let width = String(total).count
        parts.append(String(repeating: " ", count: max(0, width - String(done).count)) + "\(done)/\(total)")
        parts.append(String(format: "%3d%%", Int((fraction * 100).rounded(.down))))
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        parts.append(String(format: "%.1f %@/s", rate, unit))
        if done >= total {
            parts.append("in " + Format.duration(elapsed))
        } else if rate > 0 {
            parts.append("ETA " + Format.duration(Double(total - done) / rate))
        } else {
            parts.append("ETA --")
        }
        return parts.joined(separator: "  ")
    }

    /// A bar width that fits the terminal (20–40 columns).
    private static func barWidth() -> Int {
        max(10, min(40, (Terminal.width(descriptor: STDERR_FILENO) ?? 80) - 60))
    }
}
