import Foundation

/// Writes minimal FLAC files for tests: 16-bit mono, VERBATIM subframes (no compression),
/// 4096-frame blocks, each frame with its CRC-8 header check and CRC-16 footer, as the FLAC
/// format specification lays them out. The STREAMINFO total-samples field (36 bits) can be
/// set to any claim, to build files whose header lies.
public enum FLACWriter {
    /// A FLAC file of `samples` at `sampleRate` Hz whose STREAMINFO claims `claimedFrames`
    /// frames (default: the true count; at most 2³⁶ − 1).
    public static func pcm16(sampleRate: Int, samples: [Int16], claimedFrames: UInt64? = nil) -> Data {
        let blockSize = 4096
        var out = Data("fLaC".utf8)
        var info = BitWriter()
        info.write(UInt64(blockSize), bits: 16)  // min block size
        info.write(UInt64(blockSize), bits: 16)  // max block size
        info.write(0, bits: 24)  // min frame size: unknown
        info.write(0, bits: 24)  // max frame size: unknown
        info.write(UInt64(sampleRate), bits: 20)
        info.write(0, bits: 3)  // channels − 1
        info.write(15, bits: 5)  // bits per sample − 1
        info.write((claimedFrames ?? UInt64(samples.count)) & ((1 << 36) - 1), bits: 36)
        info.write(0, bits: 64); info.write(0, bits: 64)  // MD5: unknown
        out.append(0x80)  // last metadata block, type 0 (STREAMINFO)
        out.append(contentsOf: [0, 0, 34])
        out.append(contentsOf: info.bytes)
        var start = 0
        var number: UInt64 = 0
        while start < samples.count {
            let block = samples[start..<min(start + blockSize, samples.count)]
            var frame = BitWriter()
            frame.write(0b11_1111_1111_1110, bits: 14)  // sync
            frame.write(0, bits: 1)  // reserved
            frame.write(0, bits: 1)  // fixed block size
            frame.write(0b0111, bits: 4)  // block size: 16 bits (size − 1) follow
            frame.write(0, bits: 4)  // sample rate: from STREAMINFO
            frame.write(0, bits: 4)  // mono
            frame.write(0b100, bits: 3)  // 16 bits per sample
            frame.write(0, bits: 1)  // reserved
            frame.write(number, bits: 8)  // frame number (UTF-8 coded; < 128 is one byte)
            frame.write(UInt64(block.count - 1), bits: 16)
            frame.write(UInt64(crc8(frame.bytes)), bits: 8)
            frame.write(0, bits: 1)  // subframe padding
            frame.write(0b000001, bits: 6)  // VERBATIM
            frame.write(0, bits: 1)  // no wasted bits
            for s in block { frame.write(UInt64(UInt16(bitPattern: s)), bits: 16) }
            frame.write(UInt64(crc16(frame.bytes)), bits: 16)
            out.append(contentsOf: frame.bytes)
            start += block.count
            number += 1
        }
        return out
    }

    /// FLAC's CRC-8 (polynomial x⁸ + x² + x + 1, initial 0).
    static func crc8(_ bytes: [UInt8]) -> UInt8 {
        var crc: UInt8 = 0
        for byte in bytes {
            crc ^= byte
            for _ in 0..<8 { crc = crc & 0x80 != 0 ? (crc << 1) ^ 0x07 : crc << 1 }
        }
        return crc
    }

    /// FLAC's CRC-16 (polynomial x¹⁶ + x¹⁵ + x² + 1, initial 0).
    static func crc16(_ bytes: [UInt8]) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x8005 : crc << 1 }
        }
        return crc
    }

    /// Big-endian bit packing; `bytes` is whole once a multiple of 8 bits has been written.
    struct BitWriter {
        var bytes: [UInt8] = []
        var used = 0  // bits used in the last byte (0 = full / none)

        mutating func write(_ value: UInt64, bits: Int) {
            for i in stride(from: bits - 1, through: 0, by: -1) {
                let bit = UInt8((value >> UInt64(i)) & 1)
                if used == 0 { bytes.append(0) }
                bytes[bytes.count - 1] |= bit << UInt8(7 - used)
                used = (used + 1) % 8
            }
        }
    }
}
