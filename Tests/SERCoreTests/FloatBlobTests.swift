import Testing
@testable import SERCore

@Suite struct FloatBlobTests {
    @Test func littleEndianLayoutIsWhatNumpyReads() throws {
        // 1.0f is 0x3F800000: little-endian bytes 00 00 80 3F.
        #expect(FloatBlob.encode([1.0, -2.0]) == [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0])
        let values: [Float] = [0, -0.0, .pi, .infinity, .leastNonzeroMagnitude * 3, -.greatestFiniteMagnitude, .nan]
        let decoded = try #require(FloatBlob.decode(FloatBlob.encode(values)))
        #expect(decoded.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(FloatBlob.decode([1, 2, 3]) == nil)
    }
}
