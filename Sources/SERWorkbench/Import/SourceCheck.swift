public import SERCore
public import Foundation
public import SERCorpus

/// The checks a source file passes before it is decoded, the same for `ser import` and
/// `ser predict`: it opens as a regular file (through links, without blocking), it is not
/// empty, and a WAV holds every byte its header promises (libsndfile would silently decode
/// fewer frames). Decoding then checks the header's size claim and the samples
/// (``SERAudio/AudioDecoder``).
public enum SourceCheck {
    /// Why a file failed, starting with its kind as the import summary groups them.
    public struct Failure: Error, CustomStringConvertible {
        /// `unreadable`, `empty`, `truncated`; `interrupted` after Ctrl-C.
        public var kind: String
        public var path: String
        public var reason: String

        /// `unreadable: is a FIFO (named pipe), not a regular file; …`
        public var summary: String { "\(kind): \(reason)" }
        public var description: String { "\(path): \(reason)" }
    }

    /// Hashes the file and checks it.
    ///
    /// - Returns: its SHA-256 (hex) and size in bytes.
    /// - Throws: ``Failure``.
    public static func hashAndCheck(
        path: String, cancellation: CancellationToken = CancellationToken()
    ) throws(Failure) -> (hash: String, size: Int64) {
        let digest: (hash: String, size: Int64, head: [UInt8])
        do {
            digest = try FileHasher.hash(path: path, headBytes: 4096, cancellation: cancellation)
        } catch let error as ImportError {
            throw Failure(kind: error.code == .interrupted ? "interrupted" : "unreadable", path: path, reason: error.reason)
        } catch {
            throw Failure(kind: "unreadable", path: path, reason: "\(error)")
        }
        if digest.size == 0 {
            throw Failure(kind: "empty", path: path, reason: "the file is 0 bytes long")
        }
        if let why = RIFFCheck.truncation(head: digest.head, fileSize: Int(digest.size)) {
            throw Failure(kind: "truncated", path: path, reason: why)
        }
        return (digest.hash, digest.size)
    }
}
