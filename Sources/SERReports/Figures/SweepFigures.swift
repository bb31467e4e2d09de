import Foundation
public import SERPlot
import SERStore

/// Pictures of a sweep: how the swept settings relate to the validation score.
public enum SweepFigures {
    /// The scores' range widened to multiples of 0.05, inside 0…1.
    public static func scoreRange(_ scores: [Double]) -> ClosedRange<Double> {
        let finite = scores.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return 0...1 }
        let lower = max(0, (lo * 20 - 0.5).rounded(.down) / 20), upper = min(1, (hi * 20 + 0.5).rounded(.up) / 20)
        return upper > lower ? lower...upper : 0...1
    }

    /// Parallel coordinates of every trial (its settings, then validation and test accuracy,
    /// lines coloured by validation accuracy, the best trial thick) across the top, and one
    /// score-vs-setting panel per swept setting below.
    public static func figure(_ sweep: SweepTrials) -> Figure {
        let validation = sweep.trials.map { $0.validation ?? .nan }
        let test = sweep.trials.map { $0.test ?? .nan }
        let best = validation.firstIndex(where: \.isFinite)
        var axes = sweep.keys.map(sweep.axis)
        // Validation and test on one scale (nice steps of the range both cover), so that
        // their heights compare; test is marked as reported only.
        let scoreRange = Self.scoreRange(validation + test)
        axes.append(
            ParameterAxis(label: "validation accuracy", values: validation.map { $0.isFinite ? .number($0) : nil }, range: scoreRange))
        if test.contains(where: \.isFinite) {
            axes.append(
                ParameterAxis(
                    label: "test accuracy (reported only)", values: test.map { $0.isFinite ? .number($0) : nil }, reportOnly: true,
                    range: scoreRange))
        }
        let parallel = ParallelCoordinates(
            axes: axes, colorValues: validation, colorLabel: "validation accuracy", highlighted: best,
            title: "Each line is a trial; ranked on validation, test shown for reference")
        let range = scoreRange
        let scatters: [any Chart] = sweep.keys.map { key in
            ScoreScatter(
                parameter: sweep.axis(key), validation: validation, test: test, yLabel: "accuracy (● val, ○ test)",
                title: "accuracy vs \(key)", yRange: range)
        }
        let columns = max(1, min(3, scatters.count))
        let scatterRows = (scatters.count + columns - 1) / columns
        let name = sweep.parent.displayName
        let bestText =
            best.map { i in String(format: "best validation accuracy %.3f (run %lld)", validation[i], sweep.trials[i].run.id) }
            ?? "no trial scored yet"
        let title =
            "\(sweep.parent.kind == "sweep" ? "Sweep " : "")\(name): \(sweep.trials.count) trials over \(sweep.keys.joined(separator: ", ")); \(bestText)"
        return Figure(
            width: 1200, height: 60 + 420 + Double(scatterRows) * 300, title: title, panels: [parallel] + scatters, columns: columns,
            spans: [columns] + scatters.map { _ in 1 }, rowWeights: [420] + Array(repeating: 300, count: scatterRows))
    }
}
