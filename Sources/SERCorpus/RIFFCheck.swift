/// Detects a truncated RIFF/WAVE file from its first bytes and its size.
///
/// libsndfile trusts the file size over a WAV header's `data` chunk length, so a cut-off WAV
/// decodes "successfully" to fewer frames. This check compares the header's promise with
/// the bytes actually present. Pure: the caller supplies the bytes.
public enum RIFFCheck {
    /// Why the file is truncated, or `nil` when it is not (or is not a WAV, or its `data`
    /// chunk header lies beyond `head`).
    ///
    /// - Parameters:
    ///   - head: the first bytes of the file (4 KiB is plenty for ordinary headers).
    ///   - fileSize: the file's full size in bytes.
    public static func truncation(head: [UInt8], fileSize: Int) -> String? {
        guard head.count >= 12, head[0..<4].elementsEqual("RIFF".utf8), head[8..<12].elementsEqual("WAVE".utf8) else {
            return nil
        }
        func u32(_ at: Int) -> Int {
            Int(head[at]) | Int(head[at + 1]) << 8 | Int(head[at + 2]) << 16 | Int(head[at + 3]) << 24
        }
        var offset = 12
        while offset + 8 <= head.count {
            let size = u32(offset + 4)
            if head[offset..<offset + 4].elementsEqual("data".utf8) {
                let present = fileSize - (offset + 8)
                // 0xFFFFFFFF / 0 are "unknown length" markers of streamed WAVs: not a promise.
                if size != 0xFFFF_FFFF, size > 0, present < size {
                    return "its header promises \(size) bytes of samples but only \(max(0, present)) are present"
                }
                return nil
            }
            offset += 8 + size + (size & 1)
        }
        return nil
    }
}
