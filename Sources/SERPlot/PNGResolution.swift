public import Foundation

/// The `pHYs` chunk of a PNG file: its intended pixel density, so that a paper or a word
/// processor shows a 2×-scaled figure at its size in points instead of twice as large.
public enum PNGResolution {
    /// `png` with a `pHYs` chunk of `pixelsPerInch` (both directions, unit metre) right after
    /// `IHDR`; any existing `pHYs` is left alone. Bytes that are not a PNG come back unchanged.
    static func withPixelsPerInch(_ png: Data, _ pixelsPerInch: Double) -> Data {
        let bytes = [UInt8](png)
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        // signature (8) + IHDR length (4) + "IHDR" (4) + 13 data + CRC (4) = 33 bytes.
        guard bytes.count > 33, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8),
            !containsChunk(bytes, "pHYs")
        else { return png }
        let perMetre = UInt32((pixelsPerInch / 0.0254).rounded())
        var body = Array("pHYs".utf8)
        body += bigEndian(perMetre) + bigEndian(perMetre) + [1]
        var chunk = bigEndian(9) + body
        chunk += bigEndian(crc32(body))
        return Data(bytes[0..<33] + chunk + bytes[33...])
    }

    /// Whether a chunk of this type appears before the image data.
    static func containsChunk(_ bytes: [UInt8], _ type: String) -> Bool {
        var offset = 8
        let wanted = Array(type.utf8)
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let name = Array(bytes[(offset + 4)..<(offset + 8)])
            if name == wanted { return true }
            if name == Array("IDAT".utf8) { return false }
            offset += 12 + length
        }
        return false
    }

    /// The PNG pixel density of `png` in pixels per inch, if it has a `pHYs` chunk in metres.
    public static func pixelsPerInch(_ png: Data) -> Double? {
        let bytes = [UInt8](png)
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            if Array(bytes[(offset + 4)..<(offset + 8)]) == Array("pHYs".utf8), length == 9, offset + 17 <= bytes.count,
                bytes[offset + 16] == 1
            {
                let x =
                    UInt32(bytes[offset + 8]) << 24 | UInt32(bytes[offset + 9]) << 16 | UInt32(bytes[offset + 10]) << 8
                    | UInt32(bytes[offset + 11])
                return Double(x) * 0.0254
            }
            offset += 12 + length
        }
        return nil
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// CRC-32 (ISO 3309, polynomial 0xEDB88320) as PNG chunks use it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
