import Foundation
import SERAudio
public import SERStore

/// Finds the clip a user names (id or path) and its samples.
public enum ClipResolver {
    /// A clip's mono samples with what to call it.
    public struct ClipAudio {
        /// The database row, when the clip is in the database.
        public var clip: ClipInfo?
        /// Short description for titles: `clip 12 · happy · Actor_01/03-01-03….wav`.
        public var title: String
        /// File-name-safe stem for default output names: `clip12`.
        public var stem: String
        public var samples: [Float]
        /// Hz.
        public var sampleRate: Int

        public init(clip: ClipInfo?, title: String, stem: String, samples: [Float], sampleRate: Int) {
            self.clip = clip
            self.title = title
            self.stem = stem
            self.samples = samples
            self.sampleRate = sampleRate
        }
    }

    /// The clip row for `reference` (id, absolute path, or path relative to its dataset).
    ///
    /// - Throws: ``ReportError`` `.unknownClip` naming the reference.
    public static func clip(_ reference: String, store: Store) throws -> ClipInfo {
        guard let clip = try store.clip(named: reference) else {
            throw ReportError(.unknownClip, "clip \(reference)", "no clip with this id or path in \(store.path)")
        }
        return clip
    }

    /// Mono samples of the clip at its native rate: from its file, else from PCM kept in the
    /// database. A path that is not in the database but is an audio file is plotted as is.
    public static func audio(_ reference: String, store: Store?) throws -> ClipAudio {
        if let store, let clip = try store.clip(named: reference) {
            let title = "clip \(clip.id) · \(clip.label) · \(clip.relativePath)"
            if FileManager.default.fileExists(atPath: clip.path) {
                let decoded = try AudioDecoder.decode(path: clip.path)
                return ClipAudio(
                    clip: clip, title: title, stem: "clip\(clip.id)", samples: decoded.mono(), sampleRate: decoded.info.sampleRate)
            }
            if let stored = try store.storedAudio(clip.id) {
                let decoded = DecodedAudio(
                    info: AudioInfo(
                        sampleRate: stored.sampleRate, channels: stored.channels,
                        frames: stored.samples.count / max(1, stored.channels), format: "stored"),
                    samples: stored.samples)
                return ClipAudio(clip: clip, title: title, stem: "clip\(clip.id)", samples: decoded.mono(), sampleRate: stored.sampleRate)
            }
            throw ReportError(
                .notAvailable, "clip \(clip.id)",
                "its file \(clip.path) is gone and no PCM was kept in the database (import with --store-audio)")
        }
        guard FileManager.default.fileExists(atPath: reference), Int64(reference) == nil else {
            throw ReportError(.unknownClip, "clip \(reference)", "no clip with this id or path\(store.map { " in \($0.path)" } ?? "")")
        }
        let decoded = try AudioDecoder.decode(path: reference)
        let name = URL(fileURLWithPath: reference).lastPathComponent
        let stem = URL(fileURLWithPath: reference).deletingPathExtension().lastPathComponent
        return ClipAudio(clip: nil, title: name, stem: stem, samples: decoded.mono(), sampleRate: decoded.info.sampleRate)
    }
}
