internal import CLibCrypto

/// SHA-256 (FIPS 180-4), incremental, computed by the system's libcrypto (OpenSSL's EVP
/// interface, which picks SHA-NI, AVX2 or plain code for the CPU at run time).
///
/// Used for content hashes of audio files, dataset versions, feature configurations and
/// migration checksums. Output is 32 bytes; ``hexDigest`` gives the lowercase hex form that
/// the database stores. A value type: a copy hashes on independently of the original.
public struct SHA256: Sendable {
    private var context: Context

    public init() {
        context = Context()
    }

    /// Hashes `bytes` in one call and returns the lowercase hex digest (64 characters).
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(Array(bytes))
        return hasher.hexDigest()
    }

    /// Hashes the UTF-8 bytes of `text` and returns the lowercase hex digest.
    public static func hex(_ text: String) -> String {
        hex(Array(text.utf8))
    }

    /// Feeds more bytes.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    /// Feeds more bytes from a raw buffer.
    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        Context.check(EVP_DigestUpdate(context.pointer, base, bytes.count), "EVP_DigestUpdate")
    }

    /// Finishes and returns the 32-byte digest. The hasher must not be used afterwards.
    public mutating func finalize() -> [UInt8] {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        Context.check(EVP_DigestFinal_ex(context.pointer, &digest, &length), "EVP_DigestFinal_ex")
        return Array(digest.prefix(Int(length)))
    }

    /// Finishes and returns the lowercase hex digest (64 characters).
    public mutating func hexDigest() -> String {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in finalize() {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One `EVP_MD_CTX`, owned; copied before a write when shared (copy-on-write).
    ///
    /// `@unchecked Sendable`: the context is only written through a uniquely referenced
    /// instance, so no two threads ever write one context.
    private final class Context: @unchecked Sendable {
        let pointer: OpaquePointer

        init() {
            pointer = Self.newContext()
            Self.check(EVP_DigestInit_ex(pointer, EVP_sha256(), nil), "EVP_DigestInit_ex")
        }

        private init(copying other: Context) {
            pointer = Self.newContext()
            Self.check(EVP_MD_CTX_copy_ex(pointer, other.pointer), "EVP_MD_CTX_copy_ex")
        }

        func copy() -> Context { Context(copying: self) }

        deinit { EVP_MD_CTX_free(pointer) }

        private static func newContext() -> OpaquePointer {
            guard let context = EVP_MD_CTX_new() else {
                preconditionFailure("libcrypto: EVP_MD_CTX_new failed (out of memory)")
            }
            return context
        }

        /// libcrypto fails these calls only when memory runs out or its SHA-256 provider is
        /// missing (a broken installation), never because of the bytes hashed: a trap, like
        /// any allocation failure, not an error for callers to handle.
        static func check(_ status: Int32, _ call: StaticString) {
            precondition(status == 1, "libcrypto: \(call) failed")
        }
    }
}
