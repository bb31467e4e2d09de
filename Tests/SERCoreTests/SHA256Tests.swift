import Testing
@testable import SERCore

@Suite struct SHA256Tests {
    // FIPS 180-4 / NIST example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func knownVectors(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test func millionAs() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalEqualsOneShotAcrossBlockBoundaries() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let oneShot = SHA256.hex(bytes)
        for split in [1, 55, 56, 63, 64, 65, 127, 128, 999] {
            var hasher = SHA256()
            hasher.update(Array(bytes[..<split]))
            hasher.update(Array(bytes[split...]))
            #expect(hasher.hexDigest() == oneShot, "split at \(split)")
        }
    }

    /// NIST's "extremely long message": 2^24 copies of a 64-byte string, 1 GiB, whose
    /// length in bits (2^33) needs more than 32 bits in the padding.
    @Test func oneGibibyteMessage() {
        let block = Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno".utf8)
        let mebibyte = [UInt8](Array(repeatElement(block, count: 16_384)).joined())
        var hasher = SHA256()
        for _ in 0..<1024 { hasher.update(mebibyte) }
        #expect(hasher.hexDigest() == "50e72a0e26442fe2552dc3938ac58658228c0cbfb1d2ca872ae435266fcd055e")
    }

    /// The digest the database stores for 3,000,017 bytes fed in uneven pieces (expected value
    /// from Python's hashlib; the pure-Swift SHA-256 this wrapper replaced gave the same), so
    /// content hashes of files imported before the switch still match.
    @Test func unevenPiecesOfALongBuffer() {
        let bytes = (0..<3_000_017).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        var start = 0
        var piece = 1
        bytes.withUnsafeBufferPointer { all in
            while start < all.count {
                let end = min(all.count, start + piece)
                hasher.update(UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
                piece = piece * 3 + 1
            }
        }
        #expect(hasher.hexDigest() == "2b16169516c28269753f0c6774346c58cc6b6ef658307ed497ded34b703f999e")
    }

    /// A copy is a separate hasher: feeding one does not change the other.
    @Test func copiesHashIndependently() {
        var first = SHA256()
        first.update(Array("ab".utf8))
        var second = first
        second.update(Array("c".utf8))
        first.update(Array("x".utf8))
        #expect(second.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(first.hexDigest() == SHA256.hex("abx"))
        #expect(SHA256.hex("abx") != SHA256.hex("abc"))
    }
}
