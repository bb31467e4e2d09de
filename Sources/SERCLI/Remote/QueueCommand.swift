import ArgumentParser
import Foundation
import SERCore
import SERRemote

extension SER {
    /// `ser queue [NAME]`: a remote's queued, running and ended trials, sweeps and workers.
    struct QueueCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "queue",
            abstract: "Show a team remote's queue: trials (queued, running, finished, failed), sweeps and workers.",
            discussion: """
                Examples:
                  ser queue
                  ser queue lab
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The remote (default: origin, or the only remote).") var remote: String?

        func run() throws {
            let store = try options.openStore(readOnly: true)
            let record = try RemoteSelection.record(remote, in: store)
            let status = try RemoteSelection.using(record) { try await $0.queueStatus() }
            if options.json { return try printJSON(QueueJSON(remote: record.name, status)) }
            guard !options.quiet else { return }
            Console.out(Self.render(status))
        }

        /// The trials, sweeps and workers as aligned text.
        static func render(_ status: QueueStatus) -> String {
            let counts = status.counts
            var out =
                "\(status.trials.count) trials: "
                + ["queued", "running", "finished", "failed"].map { "\(counts[$0] ?? 0) \($0)" }
                .joined(separator: ", ") + "\n"
            if !status.trials.isEmpty {
                out += "\n" + row(["ID", "STATE", "TRIES", "NAME", "WORKER / ERROR"])
                for trial in status.trials {
                    let detail =
                        trial.error ?? trial.worker.map { worker in
                            worker + (trial.heartbeatAge.map { " (heartbeat \(Format.duration($0)) ago)" } ?? "")
                        } ?? ""
                    out += row([
                        "\(trial.id)", trial.state, "\(trial.attempts)", String((trial.name ?? String(trial.uuid.prefix(8))).prefix(28)),
                        detail,
                    ])
                }
            }
            if !status.sweeps.isEmpty {
                out += "\nSweeps:\n"
                for sweep in status.sweeps {
                    out +=
                        "  \(sweep.uuid.prefix(8)) \(sweep.name ?? "")  \(sweep.ended)/\(sweep.trials) trials ended, "
                        + (sweep.state == "finished" ? "parent recorded" : "open") + "\n"
                }
            }
            if !status.workers.isEmpty {
                out += "\nWorkers:\n"
                for worker in status.workers {
                    let state = worker.stopped ? "stopped" : "heartbeat \(Format.duration(worker.heartbeatAge)) ago"
                    out +=
                        "  \(worker.name) (\(worker.jobs) job\(worker.jobs == 1 ? "" : "s")): \(state), \(worker.finished) finished, \(worker.failed) failed\n"
                }
            }
            return out
        }
    }

    /// One line of the trials table: columns padded to 6, 9, 6 and 28 characters.
    private static func row(_ cells: [String]) -> String {
        zip(cells, [6, 9, 6, 28, 0]).map { cell, width in
            cell.count >= width ? cell : cell + String(repeating: " ", count: width - cell.count)
        }.joined(separator: " ") + "\n"
    }
}
