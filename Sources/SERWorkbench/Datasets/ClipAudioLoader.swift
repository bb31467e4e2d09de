import Foundation
public import SERAudio
public import SERStore

/// Gets a clip's samples for feature extraction, prediction or export: the PCM stored in the
/// database when the clip was imported with `--store-audio`, else the file at the recorded
/// path after checking that it is still the file that was imported.
public enum ClipAudioLoader {
    /// The clip's audio at its native rate, interleaved (`.mono()` averages the channels).
    ///
    /// - Parameters:
    ///   - clip: the clip row (from ``SERStore/DatasetStore``).
    ///   - store: the database, for `clip_audio`.
    ///   - verifyHash: re-hash the file to detect changed content (size is always checked).
    /// - Throws: ``ClipAudioError`` `.moved` when the file is gone, `.changed` when its size
    ///   or SHA-256 differs from the import, `.undecodable` when decoding fails.
    public static func load(_ clip: ClipRecord, store: Store, verifyHash: Bool = true) throws -> DecodedAudio {
        let clipID = clip.id ?? -1
        if let stored = try store.read({ db in try DatasetStore.audio(clipID: clipID, db) }) {
            let info = AudioInfo(sampleRate: stored.sampleRate, channels: stored.channels, frames: stored.frames, format: clip.format)
            let samples = stored.floatSamples()
            // Stored float32 PCM gets the decoder's check too (a database written before it).
            if let bad = AudioLimits.firstBadSample(samples) {
                throw ClipAudioError(
                    .undecodable, clipID: clipID, path: clip.path,
                    "its stored PCM sample \(bad.index) (frame \(bad.index / max(1, stored.channels))) is \(bad.value); "
                        + "audio samples must be finite and within ±\(Int(AudioLimits.maxAmplitude))")
            }
            return DecodedAudio(info: info, samples: samples)
        }
        try verify(clip, verifyHash: verifyHash)
        do {
            return try AudioDecoder.decode(path: clip.path)
        } catch let error as AudioError {
            throw ClipAudioError(.undecodable, clipID: clipID, path: clip.path, error.reason)
        }
    }

    /// Checks that the file at the clip's path is the one imported (size, then SHA-256).
    ///
    /// The path is examined as import examined it: through symbolic links, as the regular
    /// file it resolves to (``SourceFile``), so a linked corpus checks its targets and a link
    /// swapped to another file is seen as a change.
    ///
    /// - Throws: ``ClipAudioError`` `.moved` or `.changed`.
    public static func verify(_ clip: ClipRecord, verifyHash: Bool = true) throws {
        let clipID = clip.id ?? -1
        let size: Int64
        do {
            size = try SourceFile.status(path: clip.path).size
        } catch {
            guard FileManager.default.fileExists(atPath: clip.path) else {
                throw ClipAudioError(
                    .moved, clipID: clipID, path: clip.path,
                    "the file is no longer there (moved or deleted since import); re-import its corpus, or import with --store-audio to keep the audio in the database"
                )
            }
            throw ClipAudioError(.changed, clipID: clipID, path: clip.path, "the path now leads elsewhere: it \(error.reason)")
        }
        if size != clip.fileSize {
            throw ClipAudioError(
                .changed, clipID: clipID, path: clip.path,
                "the file changed since import (\(size) bytes now, \(clip.fileSize) then); re-import its corpus to make a new dataset version"
            )
        }
        guard verifyHash else { return }
        let digest: (hash: String, size: Int64, head: [UInt8])
        do {
            digest = try FileHasher.hash(path: clip.path)
        } catch {
            throw ClipAudioError(.moved, clipID: clipID, path: clip.path, "the file cannot be read any more: \(error)")
        }
        if digest.hash != clip.contentHash {
            throw ClipAudioError(
                .changed, clipID: clipID, path: clip.path,
                "the file's content changed since import (SHA-256 \(digest.hash.prefix(12)) now, \(clip.contentHash.prefix(12)) then); re-import its corpus to make a new dataset version"
            )
        }
    }
}
