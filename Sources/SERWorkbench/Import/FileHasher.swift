public import Foundation
public import SERAudio
public import SERCore

/// Streams a file through SHA-256 in 1 MiB reads (never the whole file in memory).
///
/// The file is opened through ``SourceFile``: through symbolic links, regular files only,
/// never blocking (a link to `/dev/zero` or a FIFO is refused, not read forever). Between
/// reads it checks the cancellation token.
public enum FileHasher {
    /// The lowercase hex SHA-256 of the file's bytes, its size in bytes and its first bytes
    /// (up to `headBytes`, for header checks).
    ///
    /// - Throws: ``ImportError`` `.io` naming the file when it cannot be opened or read or is
    ///   not a regular file; `.interrupted` once `cancellation` is cancelled.
    public static func hash(
        path: String, headBytes: Int = 0, cancellation: CancellationToken = CancellationToken()
    ) throws -> (hash: String, size: Int64, head: [UInt8]) {
        let descriptor: Int32
        do {
            descriptor = try SourceFile.open(path: path).descriptor
        } catch {
            throw ImportError(.io, path: path, error.reason)
        }
        defer { close(descriptor) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var size: Int64 = 0
        var head: [UInt8] = []
        while true {
            if cancellation.isCancelled { throw ImportError(.interrupted, path: path, "hashing was interrupted") }
            let count = read(descriptor, buffer.baseAddress, chunk)
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportError(.io, path: path, "cannot be read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            let bytes = UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count)
            if head.count < headBytes { head.append(contentsOf: bytes.prefix(headBytes - head.count)) }
            size += Int64(count)
            hasher.update(bytes)
        }
        return (hasher.hexDigest(), size, head)
    }
}
