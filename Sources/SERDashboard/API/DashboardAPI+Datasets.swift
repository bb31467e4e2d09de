import SERStore

/// The datasets and their counts per emotion and speaker.
extension DashboardAPI {
    func datasets() throws -> DatasetsPayload {
        let records = try store.read { try DatasetStore.datasets($0) }
        return DatasetsPayload(
            datasets: try records.map { record in
                let clips = try store.datasetClips(record.name)
                var emotions: [String: Int] = [:]
                var speakers: [String: Int] = [:]
                for clip in clips {
                    emotions[clip.label, default: 0] += 1
                    speakers[clip.speaker ?? "?", default: 0] += 1
                }
                return DatasetsPayload.Dataset(
                    name: record.name, layout: record.layout, clips: clips.count, seconds: clips.reduce(0) { $0 + $1.duration },
                    emotions: emotions, speakers: speakers)
            })
    }
}
