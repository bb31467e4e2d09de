import Foundation
import SERCore
import Testing

@testable import SERWorkbench

@Suite struct SafetensorsEncoderTests {
    @Test func layoutIsHeaderLengthThenPaddedJSONThenLittleEndianData() throws {
        let bytes = try SafetensorsEncoder.encode(
            [NamedTensor(name: "w", shape: [2], values: [1, -2]), NamedTensor(name: "b", shape: [1, 1], values: [0.5])],
            metadata: ["run_id": "7"])
        let json =
            #"{"__metadata__":{"run_id":"7"},"b":{"data_offsets":[8,12],"dtype":"F32","shape":[1,1]},"w":{"data_offsets":[0,8],"dtype":"F32","shape":[2]}}"#
        let padded = json + String(repeating: " ", count: (8 - json.utf8.count % 8) % 8)
        #expect(Array(bytes[0..<8]) == [UInt8(padded.utf8.count), 0, 0, 0, 0, 0, 0, 0])
        #expect(String(decoding: bytes[8..<(8 + padded.utf8.count)], as: UTF8.self) == padded)
        // 1.0, -2.0, 0.5 as IEEE-754 little-endian, in the order given.
        #expect(Array(bytes[(8 + padded.utf8.count)...]) == [0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0, 0, 0, 0, 0x3f])
    }
}
