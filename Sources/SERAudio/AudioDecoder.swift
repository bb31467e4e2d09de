internal import CSndFile
import Foundation

/// Reads audio files through libsndfile (WAV, FLAC, OGG/Vorbis, AIFF, … whatever it reads).
///
/// The only file that calls libsndfile. Thread-safe: each call opens its own handle.
///
/// Every call opens the file through ``SourceFile`` (through symbolic links, regular files
/// only, never blocking), checks the header's claim against ``AudioLimits`` before
/// allocating anything, and decodes in blocks, asking `isCancelled` between blocks.
public enum AudioDecoder {
    /// Frames decoded per block (between cancellation checks).
    static let blockFrames = 1 << 16

    /// Reads the header only.
    ///
    /// - Throws: ``AudioError`` `.unreadable`, `.notAudio`, `.empty` or `.tooLarge`.
    public static func info(path: String) throws -> AudioInfo {
        let file = try SoundFile(path: path)
        defer { file.close() }
        return file.info
    }

    /// Decodes every frame as float32, interleaved, at the native rate, and checks every
    /// sample is finite and within ±``AudioLimits/maxAmplitude``.
    ///
    /// - Parameter isCancelled: asked between blocks of ``blockFrames`` frames.
    /// - Throws: ``AudioError`` `.unreadable`, `.notAudio`, `.empty`, `.tooLarge`,
    ///   `.truncated` (fewer frames than the header promises), `.badSamples` (naming the
    ///   first bad sample's frame, channel and value) or `.interrupted`.
    public static func decode(path: String, isCancelled: () -> Bool = { false }) throws -> DecodedAudio {
        let file = try SoundFile(path: path)
        defer { file.close() }
        let info = file.info
        let samples = try file.readAll(as: Float.self, isCancelled: isCancelled) { handle, pointer, frames in
            sf_readf_float(handle, pointer, frames)
        }
        if let bad = AudioLimits.firstBadSample(samples) {
            let channels = max(1, info.channels)
            throw AudioError(
                .badSamples, path: path,
                "sample \(bad.index) (frame \(bad.index / channels), channel \(bad.index % channels)) is \(bad.value); "
                    + "audio samples must be finite and within ±\(Int(AudioLimits.maxAmplitude))")
        }
        return DecodedAudio(info: info, samples: samples)
    }

    /// Decodes every frame as 16-bit integers, interleaved (lossless for 16-bit PCM files;
    /// for others libsndfile converts with clipping). Used to keep PCM in the database.
    ///
    /// - Throws: as ``decode(path:isCancelled:)``, except `.badSamples`.
    public static func decodeInt16(path: String, isCancelled: () -> Bool = { false }) throws -> (info: AudioInfo, samples: [Int16]) {
        let file = try SoundFile(path: path)
        defer { file.close() }
        let samples = try file.readAll(as: Int16.self, isCancelled: isCancelled) { handle, pointer, frames in
            sf_readf_short(handle, pointer, frames)
        }
        return (file.info, samples)
    }
}

/// An open libsndfile handle with its header facts.
private final class SoundFile {
    let handle: OpaquePointer
    let info: AudioInfo
    let path: String

    init(path: String) throws {
        self.path = path
        let (descriptor, size) = try SourceFile.open(path: path)
        if size == 0 {
            Glibc.close(descriptor)
            throw AudioError(.empty, path: path, "is an empty file (0 bytes)")
        }
        var sfInfo = SF_INFO()
        // close_desc = 1: libsndfile closes the descriptor, also when sf_open_fd fails.
        guard let handle = sf_open_fd(descriptor, Int32(SFM_READ), &sfInfo, 1) else {
            let message = String(cString: sf_strerror(nil))
            throw AudioError(.notAudio, path: path, "not a readable audio file (libsndfile: \(message))")
        }
        self.handle = handle
        let format = SoundFile.formatName(Int32(sfInfo.format))
        self.info = AudioInfo(
            sampleRate: Int(sfInfo.samplerate), channels: Int(sfInfo.channels), frames: Int(sfInfo.frames), format: format)
        if sfInfo.frames <= 0 || sfInfo.channels <= 0 || sfInfo.samplerate <= 0 {
            sf_close(handle)
            throw AudioError(.empty, path: path, "holds no audio samples (0 frames)")
        }
        if let why = AudioLimits.implausibleClaim(
            frames: Int(sfInfo.frames), channels: Int(sfInfo.channels), compressed: SoundFile.isCompressed(Int32(sfInfo.format)),
            fileSize: size)
        {
            sf_close(handle)
            throw AudioError(.tooLarge, path: path, why)
        }
    }

    func close() { sf_close(handle) }

    /// Reads every frame in blocks into a buffer that grows with what is decoded (never
    /// sized from the header alone beyond the ``AudioLimits`` checked in `init`).
    ///
    /// - Throws: `.truncated` when fewer frames than promised decode; `.interrupted`.
    func readAll<T: Numeric>(
        as: T.Type, isCancelled: () -> Bool, _ read: (OpaquePointer, UnsafeMutablePointer<T>, sf_count_t) -> sf_count_t
    ) throws -> [T] {
        let channels = info.channels
        var samples = [T](repeating: 0, count: info.frames * channels)
        var done = 0
        while done < info.frames {
            if isCancelled() { throw AudioError(.interrupted, path: path, "decoding was interrupted") }
            let want = min(AudioDecoder.blockFrames, info.frames - done)
            let got = samples.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Int(read(handle, base + done * channels, sf_count_t(want)))
            }
            if got <= 0 { break }
            done += got
        }
        if done < info.frames {
            throw AudioError(
                .truncated, path: path,
                "is truncated: its header promises \(info.frames) frames but only \(done) could be decoded")
        }
        return samples
    }

    /// Whether libsndfile's format code names a compressed encoding (fewer than 8 bits a sample possible).
    static func isCompressed(_ format: Int32) -> Bool {
        let major = format & Int32(SF_FORMAT_TYPEMASK)
        let minor = format & Int32(SF_FORMAT_SUBMASK)
        if major == Int32(SF_FORMAT_FLAC) || major == Int32(SF_FORMAT_OGG) { return true }
        let uncompressed: Set<Int32> = [
            Int32(SF_FORMAT_PCM_S8), Int32(SF_FORMAT_PCM_16), Int32(SF_FORMAT_PCM_24), Int32(SF_FORMAT_PCM_32),
            Int32(SF_FORMAT_PCM_U8), Int32(SF_FORMAT_FLOAT), Int32(SF_FORMAT_DOUBLE), Int32(SF_FORMAT_ULAW),
            Int32(SF_FORMAT_ALAW),
        ]
        return !uncompressed.contains(minor)
    }

    /// `FLAC/PCM_16` style names from libsndfile's format codes.
    static func formatName(_ format: Int32) -> String {
        let major = format & Int32(SF_FORMAT_TYPEMASK)
        let minor = format & Int32(SF_FORMAT_SUBMASK)
        let majors: [Int32: String] = [
            Int32(SF_FORMAT_WAV): "WAV", Int32(SF_FORMAT_AIFF): "AIFF", Int32(SF_FORMAT_AU): "AU",
            Int32(SF_FORMAT_FLAC): "FLAC", Int32(SF_FORMAT_OGG): "OGG", Int32(SF_FORMAT_W64): "W64",
            Int32(SF_FORMAT_RF64): "RF64", Int32(SF_FORMAT_CAF): "CAF", Int32(SF_FORMAT_WAVEX): "WAVEX",
            Int32(SF_FORMAT_RAW): "RAW",
        ]
        let minors: [Int32: String] = [
            Int32(SF_FORMAT_PCM_S8): "PCM_S8", Int32(SF_FORMAT_PCM_16): "PCM_16", Int32(SF_FORMAT_PCM_24): "PCM_24",
            Int32(SF_FORMAT_PCM_32): "PCM_32", Int32(SF_FORMAT_PCM_U8): "PCM_U8", Int32(SF_FORMAT_FLOAT): "FLOAT",
            Int32(SF_FORMAT_DOUBLE): "DOUBLE", Int32(SF_FORMAT_ULAW): "ULAW", Int32(SF_FORMAT_ALAW): "ALAW",
            Int32(SF_FORMAT_VORBIS): "VORBIS", Int32(SF_FORMAT_OPUS): "OPUS",
        ]
        return "\(majors[major] ?? String(format: "0x%x", major))/\(minors[minor] ?? String(format: "0x%x", minor))"
    }
}
