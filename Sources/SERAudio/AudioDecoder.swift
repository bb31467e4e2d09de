internal import CSndFile
import Foundation

/// Reads audio files through libsndfile (WAV, FLAC, OGG/Vorbis, AIFF, … whatever it reads).
///
/// The only file that calls libsndfile. Thread-safe: each call opens its own handle.
public enum AudioDecoder {
    /// Reads the header only.
    ///
    /// - Throws: ``AudioError`` `.unreadable`, `.notAudio` or `.empty`.
    public static func info(path: String) throws -> AudioInfo {
        let file = try SoundFile(path: path)
        defer { file.close() }
        return file.info
    }

    /// Decodes every frame as float32, interleaved, at the native rate.
    ///
    /// - Throws: ``AudioError`` `.unreadable`, `.notAudio`, `.empty` or `.truncated` (fewer
    ///   frames than the header promises).
    public static func decode(path: String) throws -> DecodedAudio {
        let file = try SoundFile(path: path)
        defer { file.close() }
        let info = file.info
        var samples = [Float](repeating: 0, count: info.frames * info.channels)
        let read = samples.withUnsafeMutableBufferPointer { buffer in
            Int(sf_readf_float(file.handle, buffer.baseAddress, sf_count_t(info.frames)))
        }
        try file.checkComplete(read: read)
        return DecodedAudio(info: info, samples: samples)
    }

    /// Decodes every frame as 16-bit integers, interleaved (lossless for 16-bit PCM files;
    /// for others libsndfile converts with clipping). Used to keep PCM in the database.
    public static func decodeInt16(path: String) throws -> (info: AudioInfo, samples: [Int16]) {
        let file = try SoundFile(path: path)
        defer { file.close() }
        let info = file.info
        var samples = [Int16](repeating: 0, count: info.frames * info.channels)
        let read = samples.withUnsafeMutableBufferPointer { buffer in
            Int(sf_readf_short(file.handle, buffer.baseAddress, sf_count_t(info.frames)))
        }
        try file.checkComplete(read: read)
        return (info, samples)
    }
}

/// An open libsndfile handle with its header facts.
private final class SoundFile {
    let handle: OpaquePointer
    let info: AudioInfo
    let path: String

    init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw AudioError(.unreadable, path: path, "no such file")
        }
        if isDirectory.boolValue { throw AudioError(.unreadable, path: path, "is a folder, not an audio file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw AudioError(.unreadable, path: path, "cannot be read (permissions)")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
            throw AudioError(.empty, path: path, "is an empty file (0 bytes)")
        }
        var sfInfo = SF_INFO()
        guard let handle = sf_open(path, Int32(SFM_READ), &sfInfo) else {
            let message = String(cString: sf_strerror(nil))
            throw AudioError(.notAudio, path: path, "not a readable audio file (libsndfile: \(message))")
        }
        self.handle = handle
        let format = SoundFile.formatName(Int32(sfInfo.format))
        self.info = AudioInfo(sampleRate: Int(sfInfo.samplerate), channels: Int(sfInfo.channels), frames: Int(sfInfo.frames), format: format)
        if sfInfo.frames <= 0 || sfInfo.channels <= 0 || sfInfo.samplerate <= 0 {
            sf_close(handle)
            throw AudioError(.empty, path: path, "holds no audio samples (0 frames)")
        }
    }

    func close() { sf_close(handle) }

    func checkComplete(read: Int) throws {
        if read < info.frames {
            throw AudioError(.truncated, path: path,
                "is truncated: its header promises \(info.frames) frames but only \(read) could be decoded")
        }
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
