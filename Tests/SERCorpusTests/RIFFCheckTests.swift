import SERCorpus
import Testing

@Suite("RIFF truncation check")
struct RIFFCheckTests {
    /// A 44-byte PCM WAV header promising `dataBytes` bytes of samples.
    static func header(dataBytes: Int) -> [UInt8] {
        func u32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        func u16(_ v: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        return Array("RIFF".utf8) + u32(36 + dataBytes) + Array("WAVE".utf8)
            + Array("fmt ".utf8) + u32(16) + u16(1) + u16(1) + u32(8000) + u32(16000) + u16(2) + u16(16)
            + Array("data".utf8) + u32(dataBytes)
    }

    @Test func completeFileIsFine() {
        #expect(RIFFCheck.truncation(head: Self.header(dataBytes: 8000), fileSize: 44 + 8000) == nil)
    }

    @Test func cutFileIsTruncated() throws {
        let why = try #require(RIFFCheck.truncation(head: Self.header(dataBytes: 8000), fileSize: 2000))
        #expect(why.contains("8000 bytes"))
        #expect(why.contains("1956"))
    }

    @Test func notAWavOrStreamedLengthIsNotJudged() {
        #expect(RIFFCheck.truncation(head: Array("fLaC....".utf8), fileSize: 10) == nil)
        #expect(RIFFCheck.truncation(head: Self.header(dataBytes: 0xFFFF_FFFF), fileSize: 100) == nil)
    }
}
