import Foundation
import SERReports

/// The part of a Run page a parent run (sweep, k-fold, seeds) adds: its child runs ranked by
/// validation accuracy, the parallel-coordinates figure of `ser plot sweep`, and the spread
/// of the scores over the children.
extension Pages {
    /// The trials section of a parent run's page.
    static func trialsSection(_ sweep: SweepTrials, context: PageContext) throws -> String {
        let trials = sweep.trials
        func f(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "—" }
        var html = "<h2>\(trials.count) \(sweep.parent.kind == "kfold" ? "folds" : "trials"), ranked by validation accuracy</h2>"
        html += "<p class=\"muted\">Chosen on validation accuracy; test accuracy is reported, never chosen on.</p>"
        html += "<table class=\"grid\" id=\"trials\"><thead><tr><th>rank</th><th>run</th><th>status</th>"
        html += sweep.keys.map { "<th>\(HTML.escape($0))</th>" }.joined()
        html += "<th>val acc</th><th>test acc</th><th>test F1</th><th>epochs</th></tr></thead><tbody>"
        for (rank, trial) in trials.enumerated() {
            let run = trial.run
            html += "<tr data-run=\"\(run.id)\"><td class=\"num\">\(rank + 1)</td>"
            html += "<td><a href=\"\(HTML.escape(context.link("/runs/\(run.id)")))\">\(HTML.escape(run.name ?? "run \(run.id)"))</a></td>"
            html += "<td class=\"status \(HTML.escape(run.status.rawValue))\">\(HTML.escape(run.status.rawValue))</td>"
            html += sweep.keys.map { "<td>\(HTML.escape(trial.settings[$0].map(SweepTrials.text) ?? "—"))</td>" }.joined()
            html += [f(trial.validation), f(trial.test), f(run.testF1), run.epochsDone.map(String.init) ?? "—"]
                .map { "<td class=\"num\">\($0)</td>" }.joined()
            html += "</tr>"
        }
        html += "</tbody></table>"
        if !sweep.keys.isEmpty {
            html += "<h2>Settings against the score</h2><div class=\"figure\" id=\"sweep-figure\">"
            html += HTML.inlineSVG(try SweepFigures.figure(sweep).render(.svg), scope: "sweep") + "</div>"
        }
        let scores: [(String, [Double])] = [
            ("validation accuracy", trials.compactMap(\.validation)), ("test accuracy", trials.compactMap(\.test)),
            ("test macro-F1", trials.compactMap(\.run.testF1)),
        ]
        guard scores.contains(where: { !$0.1.isEmpty }) else { return html }
        html += "<h2>Spread over the \(sweep.parent.kind == "kfold" ? "folds" : "child runs")</h2><section class=\"cols\"><div>"
        html +=
            "<table class=\"grid\" id=\"spread\"><thead><tr><th>score</th><th>n</th><th>mean</th><th>std (n−1)</th><th>min</th><th>max</th></tr></thead><tbody>"
        for (name, values) in scores where !values.isEmpty {
            let mean = values.reduce(0, +) / Double(values.count)
            let std = values.count > 1 ? (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot() : 0
            html += "<tr><th>\(name)</th><td class=\"num\">\(values.count)</td>"
            html += [mean, std, values.min() ?? 0, values.max() ?? 0].map { "<td class=\"num\">\(String(format: "%.4f", $0))</td>" }
                .joined()
            html += "</tr>"
        }
        html += "</tbody></table></div><div class=\"figure\" id=\"spread-figure\">"
        html += HTML.inlineSVG(try SweepFigures.spread(sweep).render(.svg), scope: "spread") + "</div></section>"
        return html
    }
}
