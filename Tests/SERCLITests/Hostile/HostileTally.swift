import Foundation

/// Appends one line per hostile case to the file named by `SER_HOSTILE_TALLY` (when set), for
/// `scripts/robustness-tally.sh` to sum into "tried N / held M" per category.
///
/// Line: `category<TAB>case<TAB>result<TAB>item<TAB>seconds<TAB>first problem`, result one of
/// `held`, `failed`, `pending` (fails here, fixed on merge by #16 item `item`), `open` (a
/// known failure not covered by #16), `skipped`.
enum HostileTally {
    enum Result: String {
        case held, failed, pending, open, skipped
    }

    static func item(_ known: KnownIssue?) -> String {
        switch known {
        case .item(let n): String(n)
        case .open: "new"
        case nil: "-"
        }
    }

    static func record(_ hostile: HostileCase, _ result: Result, seconds: Double = 0, problem: String = "") {
        guard let path = ProcessInfo.processInfo.environment["SER_HOSTILE_TALLY"] else { return }
        let fields = [
            hostile.category.rawValue, hostile.name, result.rawValue, item(hostile.knownIssue),
            String(format: "%.1f", seconds), problem.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " "),
        ]
        let line = Data((fields.joined(separator: "\t") + "\n").utf8)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }  // one O_APPEND write: lines never interleave
    }
}
