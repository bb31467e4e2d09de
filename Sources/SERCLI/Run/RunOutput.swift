import SERCore
import SERReports
import SERWorkbench
import Foundation
import SERExperiment
import SERStore

/// What `ser run` and `ser sweep` print while they work, from the workbench's run events: a
/// header, one line per epoch with elapsed and remaining time, notes, and a summary at the
/// end. Silent with `--quiet`; with `--json` only the final JSON goes to standard output, so
/// progress goes to standard error.
struct RunOutput: RunObserver {
    let quiet: Bool
    let toStandardError: Bool
    /// Elapsed and remaining time over everything this command trains.
    let clock = TrainingClock()
    /// Debugging aid for tests that interrupt or kill a run between epochs:
    /// `SER_TEST_EPOCH_DELAY_MS` pauses after each committed epoch. Never set in normal use.
    let epochDelay: Double? = ProcessInfo.processInfo.environment["SER_TEST_EPOCH_DELAY_MS"].flatMap(Double.init).flatMap {
        $0 > 0 ? min($0, 10_000) / 1000 : nil
    }

    init(quiet: Bool, toStandardError: Bool) {
        self.quiet = quiet
        self.toStandardError = toStandardError
    }

    func handle(_ event: RunEvent) {
        switch event {
        case .plannedEpochs(let n): clock.plan(epochs: n)
        case .expectedEpochs(let n): clock.expect(epochs: n)
        case .started(let start): header(start)
        case .resumed(let run, let epoch): say("resuming run \(run) after epoch \(epoch)")
        case .epoch(_, let record, let total, let improved):
            epoch(record, of: total, improved: improved)
            if let epochDelay { Thread.sleep(forTimeInterval: epochDelay) }
        case .stoppedEarly(_, let monitor, let patience): say("early stopping: no improvement of \(monitor) for \(patience) epochs")
        case .interrupted(let run, let epoch): say("run \(run) interrupted after epoch \(epoch); resume with: ser run --resume \(run)")
        case .fold(_, let index, let count): say("\n— fold \(index + 1)/\(count) —")
        case .seed(let seed, let index, let count): say("\n— seed \(seed) (\(index + 1)/\(count)) —")
        case .trial(_, let index, let count): say("\n— trial \(index + 1)/\(count) —")
        case .message(let text): say(text)
        }
    }

    private func say(_ line: String) {
        guard !quiet else { return }
        if toStandardError {
            Console.error(line + "\n")
        } else {
            Console.out(line + "\n")
        }
    }

    func note(_ text: String) { say(text) }

    private func header(_ start: RunStart) {
        let settings = start.settings
        say(
            """
            dataset  \(start.dataset)@\(start.version)  \(start.clips) clips, \(start.classes) classes
            features \(settings.features) @ \(settings.sampleRate) Hz (\(start.dims) dims), \(settings.normalization.rawValue) normalisation
            split    \(settings.split): \(start.train) train / \(start.validation) val / \(start.test) test
            model    LSTM \(settings.layers.map(String.init).joined(separator: "→"))\(settings.bidirectional ? " (bi)" : "") → \
            dense \(settings.dense.map(String.init).joined(separator: "→")) → \(start.classes), \(start.parameters) parameters, \
            \(settings.optimizer.rawValue) lr \(settings.lr), batch \(settings.batch), \(settings.epochs) epochs, \(settings.sequence.rawValue) \(settings.maxFrames) frames
            """)
        say("epoch   train loss   acc   |  val loss   acc    F1    |      lr   time  elapsed, left")
    }

    private func epoch(_ e: EpochRecord, of total: Int, improved: Bool) {
        func f(_ x: Double?, _ digits: Int = 3, width: Int) -> String {
            let text = x.map { String(format: "%.\(digits)f", $0) } ?? "–"
            return String(repeating: " ", count: max(0, width - text.count)) + text
        }
        let counter = "\(e.epoch)/\(total)"
        say(
            String(repeating: " ", count: max(0, 7 - counter.count)) + counter
                + "  \(f(e.trainLoss, 4, width: 9))  \(f(e.trainAccuracy, width: 5))  |  \(f(e.validationLoss, 4, width: 8))  "
                + "\(f(e.validationAccuracy, width: 5))  \(f(e.validationF1, width: 5)) \(improved ? "*" : " ")| "
                + String(format: "%7.1e  %5.1fs", e.learningRate, e.wallSeconds) + eta(clock.tick(seconds: e.wallSeconds)))
    }

    /// `  1m 02s, ~3m 10s left` after an epoch line.
    private func eta(_ time: (elapsed: Double, remaining: Double?)) -> String {
        "  \(Format.duration(time.elapsed))" + (time.remaining.map { ", ~\(Format.duration($0)) left" } ?? "")
    }

    func summary(runID: Int64, test: EvaluationRecord?, bestEpoch: Int?, selectedEpoch: Int?, seconds: Double) {
        guard let test else {
            say("run \(runID): no test clips were evaluated")
            return
        }
        let m = test.metrics
        say(
            String(
                format: "test accuracy %.3f, macro-F1 %.3f, UAR %.3f", m["accuracy"] ?? 0, m["macro_f1"] ?? 0, m["uar"] ?? 0
            )
            .prepending(
                "\nrun \(runID) finished in \(Format.duration(seconds)): \(Self.epochs(best: bestEpoch, selected: selectedEpoch)), "))
        say("  class        precision  recall    F1   support")
        for c in test.classes {
            let name = c.label.padding(toLength: 12, withPad: " ", startingAt: 0)
            say("  \(name)" + String(format: "  %6.3f   %6.3f  %6.3f  %5d", c.precision, c.recall, c.f1, c.support))
        }
    }
}

extension RunOutput {
    /// `best epoch 6` when the evaluated weights are the best epoch's, else
    /// `best epoch 6, evaluated epoch 30` (`--select last`).
    static func epochs(best: Int?, selected: Int?) -> String {
        let text = "best epoch \(best.map(String.init) ?? "–")"
        guard let selected, selected != best else { return text }
        return text + ", evaluated epoch \(selected)"
    }
}

extension String {
    /// `prefix + self`.
    fileprivate func prepending(_ prefix: String) -> String { prefix + self }
}
