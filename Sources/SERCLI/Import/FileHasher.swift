import Foundation
import SERCore

/// Streams a file through SHA-256 in 1 MiB reads (never the whole file in memory).
enum FileHasher {
    /// The lowercase hex SHA-256 of the file's bytes, its size in bytes and its first bytes
    /// (up to `headBytes`, for header checks).
    ///
    /// - Throws: ``ImportError`` `.io` naming the file when it cannot be opened or read.
    static func hash(path: String, headBytes: Int = 0) throws -> (hash: String, size: Int64, head: [UInt8]) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportError(.io, path: path, "cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var size: Int64 = 0
        var head: [UInt8] = []
        while true {
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
