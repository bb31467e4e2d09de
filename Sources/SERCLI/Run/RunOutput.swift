import Foundation
import SERExperiment
import SERStore

/// What `ser run` prints while it works: a header, one line per epoch, notes and a summary.
/// Silent with `--quiet`; with `--json` only the final JSON goes to standard output, so
/// progress goes to standard error.
struct RunOutput {
    var quiet: Bool
    var toStandardError: Bool
    /// Elapsed and remaining time over everything this command trains (shared by copies).
    let clock = TrainingClock()

    private func say(_ line: String) {
        guard !quiet else { return }
        if toStandardError {
            Console.error(line + "\n")
        } else {
            Console.out(line + "\n")
        }
    }

    func note(_ text: String) { say(text) }

    func header(settings: RunSettings, data: PreparedData, split: Split, parameters: Int) {
        say("""
            dataset  \(data.dataset.name)@\(data.version.shortHash)  \(data.clips.count) clips, \(data.classes.count) classes
            features \(settings.features) @ \(settings.sampleRate) Hz (\(data.dims) dims), \(settings.normalization) normalisation
            split    \(settings.split): \(split.train.count) train / \(split.validation.count) val / \(split.test.count) test
            model    LSTM \(settings.layers.map(String.init).joined(separator: "→"))\(settings.bidirectional ? " (bi)" : "") → \
            dense \(settings.dense.map(String.init).joined(separator: "→")) → \(data.classes.count), \(parameters) parameters, \
            \(settings.optimizer) lr \(settings.lr), batch \(settings.batch), \(settings.epochs) epochs, \(settings.sequence) \(settings.maxFrames) frames
            """)
        say("epoch   train loss   acc   |  val loss   acc    F1    |      lr   time  elapsed, left")
    }

    func epoch(_ e: EpochRecord, of total: Int, improved: Bool) {
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
        say(String(
            format: "test accuracy %.3f, macro-F1 %.3f, UAR %.3f", m["accuracy"] ?? 0, m["macro_f1"] ?? 0, m["uar"] ?? 0)
            .prepending("\nrun \(runID) finished in \(Format.duration(seconds)): \(Self.epochs(best: bestEpoch, selected: selectedEpoch)), "))
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
