import Foundation
public import SERStore
public import SERCore

/// What `ser evaluate` prints (`--json`: this structure, docs/json/evaluate.schema.json).
public struct EvaluationReport: Encodable {
    /// `evaluations.id` of the recorded evaluation.
    @Nullable public var evaluation: Int64?
    public var run: Int64
    public var dataset: String
    public var models: Int
    public var clips: Int
    public var skippedClips: Int
    /// Enrolment clips per speaker (not scored), or `nil` (every clip, or no enrolment).
    @Nullable public var enrollClips: Int?
    /// The seed that chose them.
    @Nullable public var enrollSeed: Int?
    public var accuracy: Double
    public var macroF1: Double
    public var uar: Double
    public var perClass: [EvaluationRecord.ClassMetric]
    public var labels: [String]
    public var confusion: [[Int]]
    public var perSpeaker: [String: DatasetEvaluation.SpeakerScore]

    public init(_ e: DatasetEvaluation, dataset: String) {
        evaluation = e.id
        run = e.runID
        self.dataset = dataset
        models = e.models
        clips = e.clips
        skippedClips = e.skippedClips
        enrollClips = e.enrollClips
        enrollSeed = e.enrollSeed
        accuracy = e.accuracy
        macroF1 = e.macroF1
        uar = e.uar
        perClass = e.perClass
        labels = e.labels
        confusion = e.confusion
        perSpeaker = e.perSpeaker
    }

    /// The human-readable report: summary, per-class table, confusion matrix, speakers.
    public func text() -> String {
        var lines: [String] = []
        let who = models > 1 ? "run \(run) (ensemble of \(models) fold models)" : "run \(run)"
        lines.append(
            "evaluation \(evaluation.map(String.init) ?? "–") of \(who) on \(dataset): \(clips) clips"
                + (enrollClips.map { " besides \($0) enrolment clips per speaker (seed \(enrollSeed ?? 0), not scored)" } ?? "")
                + (skippedClips > 0
                    ? " (\(skippedClips) left out: labels the run does not know"
                        + (enrollClips == nil ? ")" : ", or speakers with too few clips to enrol and score)") : ""))
        lines.append(String(format: "accuracy %.3f   macro-F1 %.3f   UAR %.3f", accuracy, macroF1, uar))
        lines.append("")
        var classes = TextTable(["class", "precision", "recall", "F1", "support"], rightAligned: [1, 2, 3, 4])
        for c in perClass {
            classes.add([
                c.label, String(format: "%.3f", c.precision), String(format: "%.3f", c.recall), String(format: "%.3f", c.f1),
                String(c.support),
            ])
        }
        lines.append(classes.render())
        lines.append("")
        var confusionTable = TextTable(["true \\ predicted"] + labels, rightAligned: Set(1...max(labels.count, 1)))
        for (i, row) in confusion.enumerated() { confusionTable.add([labels[i]] + row.map(String.init)) }
        lines.append(confusionTable.render())
        lines.append("")
        var speakers = TextTable(["speaker", "clips", "accuracy"], rightAligned: [1, 2])
        for speaker in perSpeaker.keys.sorted(by: { $0.localizedStandardCompare($1) == .orderedAscending }) {
            guard let score = perSpeaker[speaker] else { continue }
            speakers.add([speaker, String(score.clips), String(format: "%.3f", score.accuracy)])
        }
        lines.append(speakers.render())
        return lines.joined(separator: "\n")
    }
}
