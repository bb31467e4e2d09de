import Foundation
import SERAudio
import SERCorpus
import SERStore

/// Turns one candidate file into a clip (hash, header facts, optional PCM) or a rejection
/// with its reason. Pure in effect apart from reading the file; safe to call from many
/// threads at once.
struct FileProcessor: Sendable {
    /// The outcome for one file.
    enum Outcome: Sendable {
        /// A clip not yet in the database.
        case new(NewClip)
        /// The same bytes at the same relative path are already stored; `audio` is the PCM to
        /// add when `--store-audio` meets a clip stored without it.
        case existing(id: Int64, contentHash: String, label: String, audio: ClipAudioRecord?)
        /// The file cannot be used, and why.
        case rejected(path: String, reason: String)
        /// Ctrl-C or SIGTERM arrived before or while the file was read: nothing is recorded
        /// for it, a re-run processes it.
        case interrupted
    }

    /// A decoded, labelled file ready to insert.
    struct NewClip: Sendable {
        var item: ImportPlan.Item
        var label: ClipLabel
        var contentHash: String
        var fileSize: Int64
        var info: AudioInfo
        var audio: (dtype: ClipAudioRecord.DType, data: Data)?
    }

    /// Clips already stored for the dataset.
    var existing: [ClipKey: ExistingClip]
    /// Whether to keep the PCM (`--store-audio`).
    var storeAudio: Bool

    /// Processes one file: label → hash → (if new) decode.
    func process(_ item: ImportPlan.Item) -> Outcome {
        if InterruptFlag.isRaised { return .interrupted }
        let label: ClipLabel
        switch item.label {
        case .success(let value): label = value
        case .failure(let error): return .rejected(path: item.path, reason: "unlabelled: \(error.reason)")
        }
        let digest: (hash: String, size: Int64)
        do {
            digest = try SourceCheck.hashAndCheck(path: item.path)
        } catch {
            if error.kind == "interrupted" { return .interrupted }
            return .rejected(path: item.path, reason: error.summary)
        }
        do {
            if let known = existing[ClipKey(relativePath: item.relativePath, contentHash: digest.hash)] {
                guard storeAudio && !known.hasAudio else {
                    return .existing(id: known.id, contentHash: digest.hash, label: known.label, audio: nil)
                }
                let (info, audio) = try decode(item.path)
                let record = audio.map {
                    ClipAudioRecord(clipID: known.id, dtype: $0.dtype, sampleRate: info.sampleRate, channels: info.channels,
                                    frames: info.frames, data: $0.data)
                }
                return .existing(id: known.id, contentHash: digest.hash, label: known.label, audio: record)
            }
            let (info, audio) = try decode(item.path)
            return .new(NewClip(item: item, label: label, contentHash: digest.hash, fileSize: digest.size, info: info, audio: audio))
        } catch let error as AudioError {
            if error.code == .interrupted { return .interrupted }
            return .rejected(path: item.path, reason: "\(Self.word(error.code)): \(error.reason)")
        } catch {
            return .rejected(path: item.path, reason: "unreadable: \(error)")
        }
    }

    /// Decodes the whole file (proving it is complete) and, with `--store-audio`, keeps its
    /// samples: int16 for 16-bit PCM sources (lossless), float32 otherwise. Little-endian,
    /// as on every platform `ser` builds for.
    private func decode(_ path: String) throws -> (AudioInfo, (dtype: ClipAudioRecord.DType, data: Data)?) {
        let stop = { InterruptFlag.isRaised }
        if storeAudio, try AudioDecoder.info(path: path).isPCM16 {
            let decoded = try AudioDecoder.decodeInt16(path: path, isCancelled: stop)
            return (decoded.info, (.int16, decoded.samples.withUnsafeBufferPointer { Data(buffer: $0) }))
        }
        // Also for clips whose PCM is not kept: proves the file decodes whole, to finite samples.
        let decoded = try AudioDecoder.decode(path: path, isCancelled: stop)
        return (decoded.info, storeAudio ? (.float32, decoded.samples.withUnsafeBufferPointer { Data(buffer: $0) }) : nil)
    }

    /// The one-word kind of a decoding failure, as the summary groups them.
    static func word(_ code: AudioError.Code) -> String {
        switch code {
        case .unreadable: "unreadable"
        case .notAudio: "not audio"
        case .empty: "empty"
        case .truncated: "truncated"
        case .resampling: "resampling"
        case .tooLarge: "too large"
        case .badSamples: "bad samples"
        case .interrupted: "interrupted"
        }
    }
}
