public import Foundation
public import SERCore

/// The safetensors format: an 8-byte little-endian header length `N`, `N` bytes of JSON
/// header (padded with spaces to a multiple of 8), then the tensor data.
///
/// The header maps each tensor name to `{"dtype": "F32", "shape": [...], "data_offsets":
/// [begin, end]}` (byte offsets into the data section, tensors back to back in the given
/// order) and holds `__metadata__`, a string → string map.
public enum SafetensorsEncoder {
    /// The file bytes for `tensors` (float32, little-endian) and `metadata`.
    public static func encode(_ tensors: [NamedTensor], metadata: [String: String]) throws -> [UInt8] {
        var header: [String: Any] = ["__metadata__": metadata]
        var data: [UInt8] = []
        for t in tensors {
            let begin = data.count
            data += FloatBlob.encode(t.values)
            header[t.name] = ["dtype": "F32", "shape": t.shape, "data_offsets": [begin, data.count]] as [String: Any]
        }
        var json = [UInt8](try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes]))
        while json.count % 8 != 0 { json.append(0x20) }
        var out: [UInt8] = []
        out.reserveCapacity(8 + json.count + data.count)
        var length = UInt64(json.count).littleEndian
        withUnsafeBytes(of: &length) { out += $0 }
        return out + json + data
    }
}
