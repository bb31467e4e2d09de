import Foundation
import SERPlot
import SERReports
import SERStore

/// A dataset's example clips and figures.
extension DashboardAPI {
    /// The seed of the examples: `ser plot emotions`' default, so both pick the same clips.
    static let exampleSeed: UInt64 = 1

    /// The clips of dataset `name`.
    ///
    /// - Throws: ``DashboardError`` `.notFound` when there is no such dataset.
    func datasetClips(_ name: String) throws -> [ClipInfo] {
        guard try store.datasetExists(name) else {
            throw DashboardError(.notFound, "no dataset named '\(name.prefix(80))' in this database")
        }
        return try store.datasetClips(name)
    }

    /// One example clip per emotion, in canonical emotion order: the clips `ser plot emotions`
    /// draws with its default seed.
    func examples(_ name: String) throws -> ExamplesPayload {
        let clips = try datasetClips(name)
        let chosen = EmotionGallery.choose(
            clips, order: DatasetFigures.orderedLabels(clips.map(\.label)), speaker: nil, seed: Self.exampleSeed)
        return ExamplesPayload(
            dataset: name,
            examples: chosen.map {
                ExamplesPayload.Example(
                    emotion: $0.label, clipID: $0.id, relativePath: $0.relativePath, speaker: $0.speaker, duration: $0.duration)
            })
    }

    /// The overview figure of `ser plot dataset` (clips per emotion and speaker, durations), in SVG.
    func datasetOverviewSVG(_ name: String) throws -> Data {
        try DatasetFigures.overview(name, clips: try datasetClips(name)).render(.svg)
    }

    /// A clip's waveform and mel spectrogram (a row of `ser plot emotions`), in SVG.
    func clipFigureSVG(_ id: Int64) throws -> Data {
        let (clip, decoded) = try decodedAudio(id)
        let audio = ClipResolver.ClipAudio(
            clip: nil, title: "clip \(id) · \(clip.label) · \(clip.relativePath)", stem: "clip\(id)", samples: decoded.mono(),
            sampleRate: decoded.info.sampleRate)
        return try EmotionGallery.clipFigure(audio, label: clip.label, speaker: clip.speaker).render(.svg)
    }
}
