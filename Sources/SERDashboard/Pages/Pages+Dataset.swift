import Foundation
import SERReports

/// The Dataset page: clips and seconds per emotion and per speaker, one example per emotion to
/// listen to, with its waveform and mel spectrogram, and the overview figure of `ser plot
/// dataset` (durations among others).
extension Pages {
    static func dataset(_ api: DashboardAPI, name: String, request: DashboardRequest) throws -> DashboardReply {
        let context = PageContext(request, access: api.access)
        guard let dataset = try api.datasets().datasets.first(where: { $0.name == name }) else {
            throw DashboardError(.notFound, "no dataset named '\(name.prefix(80))' in this database")
        }
        var body = "<h1>Dataset \(HTML.escape(dataset.name))</h1>"
        body += HTML.keyValueTable(
            [("layout", dataset.layout), ("clips", "\(dataset.clips)"), ("duration", String(format: "%.1f min", dataset.seconds / 60))],
            id: "dataset-summary")
        func counts(_ title: String, _ id: String, _ values: [String: Int], order: [String]) -> String {
            let peak = max(1, values.values.max() ?? 1)
            var html = "<h2>\(title)</h2><table class=\"grid\" id=\"\(id)\"><tbody>"
            for key in order {
                let count = values[key] ?? 0
                let width = Int((Double(count) / Double(peak) * 200).rounded())
                html +=
                    "<tr><th>\(HTML.escape(key))</th><td class=\"num\">\(count)</td><td><span class=\"bar\" style=\"width:\(width)px\"></span></td></tr>"
            }
            return html + "</tbody></table>"
        }
        body += "<section class=\"cols\"><div>"
        body += counts("Clips per emotion", "emotions", dataset.emotions, order: DatasetFigures.orderedLabels(dataset.emotions.keys))
        body += "</div><div>"
        body += counts(
            "Clips per speaker", "speakers", dataset.speakers,
            order: dataset.speakers.keys.sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        body += "</div></section>"
        let examples = try api.examples(dataset.name).examples
        body += "<h2>Listen: one clip per emotion</h2>"
        body +=
            "<p class=\"muted\">The clips <code>ser plot emotions --dataset \(HTML.escape(dataset.name))</code> draws (seed \(DashboardAPI.exampleSeed)); "
        body += "each with its waveform and mel spectrogram.</p><div id=\"examples\">"
        for example in examples {
            let audio = context.link("/api/clips/\(example.clipID)/audio")
            let figure = context.link("/api/clips/\(example.clipID)/figure.svg")
            body += "<div class=\"example\" data-emotion=\"\(HTML.escape(example.emotion))\" data-clip=\"\(example.clipID)\">"
            body += "<h3>\(HTML.escape(example.emotion))</h3><audio controls preload=\"none\" src=\"\(HTML.escape(audio))\"></audio> "
            body +=
                "<span>\(HTML.escape(example.relativePath)) · speaker \(HTML.escape(example.speaker ?? "?")) · \(String(format: "%.2f s", example.duration))</span>"
            body +=
                "<img class=\"clip-figure\" loading=\"lazy\" alt=\"waveform and mel spectrogram of clip \(example.clipID)\" src=\"\(HTML.escape(figure))\">"
            body += "</div>"
        }
        body += "</div>"
        body += "<h2>Overview</h2><div class=\"figure\" id=\"overview\">"
        body += HTML.inlineSVG(try api.datasetOverviewSVG(dataset.name), scope: "overview") + "</div>"
        return .html(context.page(title: dataset.name, body: body)).kept(.untilChange)
    }
}
