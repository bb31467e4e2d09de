import Foundation
import SERReports
import SERStore

/// The Run page: summary, metrics, curves (live), confusion matrix with its clickable table,
/// settings, provenance and epochs.
extension Pages {
    static func run(_ api: DashboardAPI, id: Int64, request: DashboardRequest) throws -> DashboardReply {
        let context = PageContext(request, access: api.access)
        let detail = try api.runDetail(id)
        let run = detail.run
        var summary: [(String, String)] = [
            ("id", "\(run.id)"), ("name", run.name ?? "—"), ("kind", run.kind), ("status", run.status),
            ("dataset", [run.dataset, run.datasetVersion.map { String($0.prefix(12)) }].compactMap { $0 }.joined(separator: " @ ")),
            ("split", run.split ?? "—"), ("seed", "\(run.seed)"), ("best epoch", run.bestEpoch.map(String.init) ?? "—"),
            ("epochs", run.epochsDone.map(String.init) ?? "0"), ("created", run.createdAt),
            ("duration", run.durationSeconds.map { String(format: "%.1f s", $0) } ?? "—"), ("command", run.commandLine),
        ]
        if !run.tags.isEmpty { summary.append(("tags", run.tags.joined(separator: ", "))) }
        if let note = run.note { summary.append(("note", note)) }
        if let error = run.error { summary.append(("error", error)) }
        var body = "<h1>\(HTML.escape(run.displayName))</h1><section class=\"cols\"><div><h2>Summary</h2>"
        body += HTML.keyValueTable(summary, id: "summary")
        body += "</div><div><h2>Metrics</h2>"
        body += HTML.keyValueTable(
            detail.metrics.map { m in
                ("\(m.subset) \(m.name)", String(format: "%.4f", m.value) + (m.std.map { String(format: " ± %.4f", $0) } ?? ""))
            },
            id: "metrics")
        body += "</div></section>"
        let sweep = try api.trials(id)
        if let sweep { body += try trialsSection(sweep, context: context) }
        let shown = sweep?.trials.map(\.run.status.rawValue) ?? []
        body += "<h2>Training curves</h2><div id=\"curves\" class=\"figure\">"
        if detail.epochs.isEmpty {
            body += "<p class=\"muted\">no epoch committed yet</p>"
        } else {
            // The run's own epochs, already read: the figure `curvesSVG` draws, without reading them again.
            body += HTML.inlineSVG(
                try RunFigures.curves([RunFigures.RunHistory(run: run, epochs: detail.epochs)]).render(.svg), scope: "curves")
        }
        body += "</div>"
        body += try confusionSection(api, run: run, subsets: detail.evaluatedSubsets, request: request)
        body += "<section class=\"cols\"><div><h2>Settings</h2>"
        body += HTML.keyValueTable(
            detail.settings.sorted { $0.key < $1.key }.map { ($0.key, CompareCell.unquoted($0.value)) }, id: "settings")
        body += "</div><div><h2>Provenance</h2>"
        if let p = detail.provenance {
            body += HTML.keyValueTable(
                [
                    ("ser", p.serVersion), ("build", p.buildCommit ?? "—"), ("dataset hash", p.datasetHash ?? "—"),
                    ("features hash", p.featureConfigHash ?? "—"), ("host", p.hostname ?? "—"), ("os", p.os ?? "—"),
                    ("cpu", p.cpuModel ?? "—"), ("cores", p.cpuCores.map(String.init) ?? "—"),
                    ("BLAS threads", p.blasThreads.map(String.init) ?? "—"),
                ], id: "provenance")
        } else {
            body += "<p class=\"muted\">none recorded</p>"
        }
        body += "</div></section><h2>Epochs</h2><table class=\"grid\" id=\"epochs\"><thead><tr>"
        body += ["epoch", "train loss", "train acc", "val loss", "val acc", "val F1", "lr", "seconds"].map { "<th>\($0)</th>" }.joined()
        body += "</tr></thead><tbody>"
        body += detail.epochs.map(epochRow).joined()
        body += "</tbody></table>"
        let last = detail.epochs.last?.epoch ?? -1
        let page = context.page(
            title: run.displayName, body: body,
            bodyAttributes: "data-page=\"run\" data-run=\"\(id)\" data-last-epoch=\"\(last)\" data-status=\"\(HTML.escape(run.status))\"")
        return .html(page).kept(.showing([run.status] + shown))
    }

    /// One `<tr>` of the epochs table (the script builds the same row from an event).
    static func epochRow(_ e: EpochRecord) -> String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "—" }
        let cells = [
            "\(e.epoch)", f(e.trainLoss), f(e.trainAccuracy), f(e.validationLoss), f(e.validationAccuracy), f(e.validationF1),
            String(format: "%.3g", e.learningRate), String(format: "%.2f", e.wallSeconds),
        ]
        return "<tr>" + cells.map { "<td class=\"num\">\($0)</td>" }.joined() + "</tr>"
    }

    /// The confusion figure and a table of the same counts whose cells list their clips.
    static func confusionSection(_ api: DashboardAPI, run: RunOverview, subsets: [String], request: DashboardRequest) throws -> String {
        guard let first = subsets.first else { return "<h2>Confusion</h2><p class=\"muted\">not evaluated yet</p>" }
        let subset = request.value("subset").flatMap { subsets.contains($0) ? $0 : nil } ?? first
        let counts = try api.confusionCounts(run.id, subset: subset)
        let confusion = counts.reordered(ClassOrder.canonical(counts.labels))
        var html =
            "<h2>Confusion (\(HTML.escape(RunFigures.subsetName(subset))))</h2><section class=\"cols\"><div class=\"figure\" id=\"confusion-figure\">"
        html += HTML.inlineSVG(try DashboardAPI.confusionSVG(counts, run: run), scope: "confusion")
        html += "</div><div><p class=\"muted\">Click a cell to list its clips and listen to them.</p>"
        html +=
            "<table class=\"grid confusion\" id=\"confusion\" data-subset=\"\(HTML.escape(subset))\"><thead><tr><th>true ↓ predicted →</th>"
        html += confusion.labels.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (t, label) in confusion.labels.enumerated() {
            html += "<tr><th>\(HTML.escape(label))</th>"
            for (p, predicted) in confusion.labels.enumerated() {
                let count = confusion.counts[t][p]
                let kind = t == p ? "hit" : (count > 0 ? "miss" : "empty")
                html +=
                    "<td class=\"num cell \(kind)\" data-true=\"\(HTML.escape(label))\" data-predicted=\"\(HTML.escape(predicted))\">\(count)</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table><div id=\"cell-clips\"></div></div></section>"
        let classes = try api.store.classMetrics(run.id, subset: subset)
        guard !classes.isEmpty else { return html }
        html +=
            "<h2>Per emotion (\(HTML.escape(RunFigures.subsetName(subset))))</h2><section class=\"cols\"><div class=\"figure\" id=\"per-class-figure\">"
        html += HTML.inlineSVG(try DashboardAPI.perClassSVG(classes, run: run, subset: subset), scope: "per-class") + "</div><div>"
        html +=
            "<table class=\"grid\" id=\"per-class\"><thead><tr><th>emotion</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr></thead><tbody>"
        for label in ClassOrder.canonical(classes.map(\.label)) {
            guard let m = classes.first(where: { $0.label == label }) else { continue }
            html +=
                "<tr><th>\(HTML.escape(label))</th>"
                + [m.precision, m.recall, m.f1].map { "<td class=\"num\">\(String(format: "%.4f", $0))</td>" }.joined()
            html += "<td class=\"num\">\(m.support)</td></tr>"
        }
        return html + "</tbody></table></div></section>"
    }
}
