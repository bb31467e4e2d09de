public import SERCore
public import Foundation
public import SERAudio
public import SERCorpus
public import SERStore

/// Turns one candidate file into a clip (hash, header facts, optional PCM) or a rejection
/// with its reason. Pure in effect apart from reading the file; safe to call from many
/// threads at once.
public struct FileProcessor: Sendable {
    /// The outcome for one file.
    public enum Outcome: Sendable {
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
    public struct NewClip: Sendable {
        public var item: ImportPlan.Item
        public var label: ClipLabel
        public var contentHash: String
        public var fileSize: Int64
        public var info: AudioInfo
        public var audio: (dtype: ClipAudioRecord.DType, data: Data)?
    }

    /// Clips already stored for the dataset.
    public var existing: [ClipKey: ExistingClip]
    /// Whether to keep the PCM (`--store-audio`).
    public var storeAudio: Bool
    /// Stops hashing and decoding (the file is then `.interrupted`, left for a re-run).
    public var cancellation = CancellationToken()

    /// Processes one file: label → hash → (if new) decode.
    public func process(_ item: ImportPlan.Item) -> Outcome {
        if cancellation.isCancelled { return .interrupted }
        let label: ClipLabel
        switch item.label {
        case .success(let value): label = value
        case .failure(let error): return .rejected(path: item.path, reason: "unlabelled: \(error.reason)")
        }
        let digest: (hash: String, size: Int64)
        do {
            digest = try SourceCheck.hashAndCheck(path: item.path, cancellation: cancellation)
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
                    ClipAudioRecord(
                        clipID: known.id, dtype: $0.dtype, sampleRate: info.sampleRate, channels: info.channels,
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
        let token = cancellation
        let stop = { token.isCancelled }
        if storeAudio, try AudioDecoder.info(path: path).isPCM16 {
            let decoded = try AudioDecoder.decodeInt16(path: path, isCancelled: stop)
            return (decoded.info, (.int16, decoded.samples.withUnsafeBufferPointer { Data(buffer: $0) }))
        }
        // Also for clips whose PCM is not kept: proves the file decodes whole, to finite samples.
        let decoded = try AudioDecoder.decode(path: path, isCancelled: stop)
        return (decoded.info, storeAudio ? (.float32, decoded.samples.withUnsafeBufferPointer { Data(buffer: $0) }) : nil)
    }

    /// The one-word kind of a decoding failure, as the summary groups them.
    public static func word(_ code: AudioError.Code) -> String {
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
