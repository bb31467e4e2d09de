import Foundation
import SERAudio
import SERStore
import SERWorkbench

/// A clip's audio, by id only: the stored PCM, or the recorded file after its size and
/// SHA-256 are checked against the import (``ClipAudioLoader``); always re-encoded as 16-bit
/// WAV, so no request ever returns the bytes of an arbitrary file.
extension DashboardAPI {
    func audio(_ id: Int64, range: String?) throws -> DashboardReply {
        let wav = try AudioCache.shared.wav(id) { try encodedAudio(id) }
        var reply = DashboardReply(
            contentType: "audio/wav", headers: [("Accept-Ranges", "bytes"), ("Cache-Control", "private, max-age=60")], body: wav)
        if let range, let byteRange = try ByteRange.parse(range, length: wav.count) {
            reply.status = 206
            reply.body = wav.subdata(in: byteRange.first..<(byteRange.last + 1))
            reply.headers.append(("Content-Range", "bytes \(byteRange.first)-\(byteRange.last)/\(wav.count)"))
        }
        return reply
    }

    private func encodedAudio(_ id: Int64) throws -> Data {
        WAVEncoding.encode(try decodedAudio(id).audio)
    }

    /// Clip `id`'s row and samples (stored PCM, or its file once checked against the import).
    ///
    /// - Throws: ``DashboardError`` `.notFound` for no such clip or a moved file, `.conflict`
    ///   for a changed or undecodable one.
    func decodedAudio(_ id: Int64) throws -> (clip: ClipRecord, audio: DecodedAudio) {
        guard let clip = try store.read({ try DatasetStore.clip(id: id, $0) }) else {
            throw DashboardError(.notFound, "no clip \(id) in this database")
        }
        do {
            return (clip, try ClipAudioLoader.load(clip, store: store))
        } catch let error as ClipAudioError {
            switch error.code {
            case .moved: throw DashboardError(.notFound, "clip \(id) (\(clip.relativePath)): \(error.reason)")
            case .changed, .undecodable: throw DashboardError(.conflict, "clip \(id) (\(clip.relativePath)): \(error.reason)")
            }
        }
    }
}
