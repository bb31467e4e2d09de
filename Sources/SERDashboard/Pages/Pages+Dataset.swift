import Foundation

/// The Dataset page: clips and seconds per emotion and per speaker.
extension Pages {
    static func dataset(_ api: DashboardAPI, name: String, request: DashboardRequest) throws -> String {
        let context = PageContext(request, access: api.access)
        guard let dataset = try api.datasets().datasets.first(where: { $0.name == name }) else {
            throw DashboardError(.notFound, "no dataset named '\(name.prefix(80))' in this database")
        }
        var body = "<h1>Dataset \(HTML.escape(dataset.name))</h1>"
        body += HTML.keyValueTable(
            [("layout", dataset.layout), ("clips", "\(dataset.clips)"), ("duration", String(format: "%.1f min", dataset.seconds / 60))],
            id: "dataset-summary")
        func counts(_ title: String, _ id: String, _ values: [String: Int]) -> String {
            let peak = max(1, values.values.max() ?? 1)
            var html = "<h2>\(title)</h2><table class=\"grid\" id=\"\(id)\"><tbody>"
            for (key, count) in values.sorted(by: { $0.key.localizedStandardCompare($1.key) == .orderedAscending }) {
                let width = Int((Double(count) / Double(peak) * 200).rounded())
                html +=
                    "<tr><th>\(HTML.escape(key))</th><td class=\"num\">\(count)</td><td><span class=\"bar\" style=\"width:\(width)px\"></span></td></tr>"
            }
            return html + "</tbody></table>"
        }
        body += "<section class=\"cols\"><div>" + counts("Clips per emotion", "emotions", dataset.emotions) + "</div><div>"
        body += counts("Clips per speaker", "speakers", dataset.speakers) + "</div></section>"
        return context.page(title: dataset.name, body: body)
    }
}
