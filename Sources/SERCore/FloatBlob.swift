/// The byte format of every tensor BLOB in the database: IEEE-754 float32, little-endian,
/// row-major, no header (the shape lives in the row's own columns).
///
/// `numpy.frombuffer(blob, dtype='<f4').reshape(shape)` reads it back.
public enum FloatBlob {
    /// Encodes values as little-endian float32 bytes (`4 * values.count` bytes).
    public static func encode(_ values: [Float]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: values.count * 4)
        bytes.withUnsafeMutableBytes { raw in
            for (i, v) in values.enumerated() {
                raw.storeBytes(of: v.bitPattern.littleEndian, toByteOffset: 4 * i, as: UInt32.self)
            }
        }
        return bytes
    }

    /// Decodes little-endian float32 bytes; `nil` if the byte count is not a multiple of 4.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> [Float]? where Bytes.Element == UInt8 {
        guard bytes.count % 4 == 0 else { return nil }
        let array = Array(bytes)
        var out = [Float](repeating: 0, count: array.count / 4)
        array.withUnsafeBytes { raw in
            for i in 0..<out.count {
                let bits = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
                out[i] = Float(bitPattern: bits)
            }
        }
        return out
    }
}
