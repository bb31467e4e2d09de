import Foundation
public import SERCore
public import SERPlot
public import SERStore

/// Exploration figures of a dataset. Shared by `ser plot` and `ser report --dataset`.
public enum DatasetFigures {
    /// The clips of dataset `name`, or an error naming it.
    public static func clips(_ name: String, store: Store) throws -> [ClipInfo] {
        guard try store.datasetExists(name) else {
            throw ReportError(.unknownDataset, "dataset \(name)", "no such dataset in \(store.path)")
        }
        let clips = try store.datasetClips(name)
        guard !clips.isEmpty else { throw ReportError(.noData, "dataset \(name)", "has no clips") }
        return clips
    }

    /// Labels in canonical emotion order, then any others by name (see ``ClassOrder``).
    public static func orderedLabels(_ labels: some Sequence<String>) -> [String] {
        ClassOrder.canonical(labels)
    }

    /// Clips per emotion, clips per speaker, the duration histogram and durations per emotion.
    public static func overview(_ name: String, clips: [ClipInfo], order: [String]? = nil) -> Figure {
        let labels = order ?? orderedLabels(clips.map(\.label))
        let perLabel = labels.map { label in Double(clips.filter { $0.label == label }.count) }
        let speakers = Set(clips.compactMap(\.speaker)).sorted { a, b in
            if let x = Int(a), let y = Int(b) { return x < y }
            return a.localizedStandardCompare(b) == .orderedAscending
        }
        let perSpeaker = speakers.map { s in Double(clips.filter { $0.speaker == s }.count) }
        let durations = clips.map(\.duration)
        var panels: [any Chart] = [
            BarChart(
                categories: labels, series: [BarSeries(label: "clips", values: perLabel)], title: "Clips per emotion",
                xLabel: "emotion", yLabel: "clips", colorByCategory: true, categoryColors: labels.map(EmotionColors.color),
                valueLabels: true, valueFormat: "%.0f"),
            Histogram(groups: [(label: "duration", values: durations)], title: "Clip durations", xLabel: "duration (s)", yLabel: "clips"),
        ]
        if !speakers.isEmpty {
            panels.append(
                BarChart(
                    categories: speakers, series: [BarSeries(label: "clips", values: perSpeaker, color: Color(hex: 0x4C72B0))],
                    title: "Clips per speaker", xLabel: "speaker", yLabel: "clips"))
        }
        panels.append(
            BoxPlot(
                groups: labels.map { label in (label: label, values: clips.filter { $0.label == label }.map(\.duration)) },
                title: "Duration per emotion", xLabel: "emotion", yLabel: "duration (s)", colors: labels.map(EmotionColors.color)))
        let total = durations.reduce(0, +)
        let title = "Dataset \(name): \(clips.count) clips, \(speakers.count) speakers, \(Format.duration(total)) of audio"
        return Figure(width: 1100, height: 760, title: title, panels: panels, columns: 2)
    }

    /// One box (or violin) plot panel per chosen feature: the distribution over clips of each clip's
    /// mean of that feature (over frames), per emotion.
    ///
    /// - Parameter tensors: clip id → `[frames, dims]` under `config`.
    public static func features(
        _ name: String, clips: [ClipInfo], config: FeatureConfigInfo, tensors: [Int64: Matrix], columns chosen: [Int], violin: Bool = false,
        order: [String]? = nil
    ) -> Figure {
        let present = Set(clips.filter { tensors[$0.id] != nil }.map(\.label))
        let labels = (order ?? orderedLabels(present)).filter(present.contains)
        var panels: [any Chart] = []
        for column in chosen {
            let groups = labels.map { label -> (label: String, values: [Double]) in
                let values = clips.filter { $0.label == label }.compactMap { clip -> Double? in
                    guard let m = tensors[clip.id], m.rows > 0, column < m.columns else { return nil }
                    var sum = 0.0
                    for f in 0..<m.rows { sum += Double(m[f, column]) }
                    return sum / Double(m.rows)
                }
                return (label: label, values: values)
            }
            let featureName = column < config.featureNames.count ? config.featureNames[column] : "dim \(column)"
            let colors = labels.map(EmotionColors.color)
            panels.append(
                violin
                    ? ViolinPlot(groups: groups, title: featureName, yLabel: "mean over frames", colors: colors)
                    : BoxPlot(groups: groups, title: featureName, yLabel: "mean over frames", colors: colors))
        }
        let perRow = panels.count <= 2 ? panels.count : (panels.count <= 4 ? 2 : 3)
        let rows = (panels.count + max(1, perRow) - 1) / max(1, perRow)
        return Figure(
            width: Double(max(1, perRow)) * 420, height: 60 + Double(rows) * 330,
            title: "Dataset \(name): feature distributions per emotion (\(config.name), \(tensors.count) clips)",
            panels: panels, columns: max(1, perRow))
    }
}
