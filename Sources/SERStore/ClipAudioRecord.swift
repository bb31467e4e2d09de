public import Foundation
public import GRDB

/// One row of `clip_audio`: a clip's PCM kept in the database (`ser import --store-audio`),
/// interleaved `[frames, channels]` at the native rate.
public struct ClipAudioRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "clip_audio"

    /// Sample encoding of ``data``.
    public enum DType: String, Codable, Sendable {
        /// Little-endian signed 16-bit (`<i2`), for 16-bit PCM sources: lossless.
        case int16
        /// Little-endian float32 (`<f4`), for every other source.
        case float32
    }

    /// The clip.
    public var clipID: Int64
    /// Sample encoding.
    public var dtype: DType
    /// Hz.
    public var sampleRate: Int
    /// Channel count.
    public var channels: Int
    /// Samples per channel.
    public var frames: Int
    /// `frames × channels` samples, little-endian, of ``dtype``.
    public var data: Data

    enum CodingKeys: String, CodingKey {
        case dtype, channels, frames, data
        case clipID = "clip_id"
        case sampleRate = "sample_rate"
    }

    /// Creates a record.
    public init(clipID: Int64, dtype: DType, sampleRate: Int, channels: Int, frames: Int, data: Data) {
        self.clipID = clipID
        self.dtype = dtype
        self.sampleRate = sampleRate
        self.channels = channels
        self.frames = frames
        self.data = data
    }

    /// The samples as float32 in [-1, 1], interleaved (int16 scaled by 1/32768, like libsndfile).
    public func floatSamples() -> [Float] {
        let count = frames * channels
        switch dtype {
        case .int16:
            var out = [Float](repeating: 0, count: count)
            data.withUnsafeBytes { raw in
                for i in 0..<min(count, raw.count / 2) {
                    let value = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self))
                    out[i] = Float(value) / 32768
                }
            }
            return out
        case .float32:
            var out = [Float](repeating: 0, count: count)
            data.withUnsafeBytes { raw in
                for i in 0..<min(count, raw.count / 4) {
                    out[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                }
            }
            return out
        }
    }
}
