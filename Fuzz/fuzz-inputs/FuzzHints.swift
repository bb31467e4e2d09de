import SERAudio

/// Coverage hints for the audio target. libsndfile is a Debian shared library, not built with
/// coverage instrumentation, so libFuzzer sees only our Swift code: without hints every input
/// that reaches a new container or codec inside libsndfile looks the same. Each `switch` case
/// below is its own edge, so an input that yields a new format, frame-count magnitude,
/// channel count or error kind counts as new coverage and stays in the corpus.
enum FuzzHints {
    /// Marks the outcome of a header that libsndfile accepted.
    @inline(never)
    static func accepted(_ info: AudioInfo) {
        let parts = info.format.split(separator: "/")
        switch parts.first ?? "" {
        case "WAV": sink &+= 1
        case "WAVEX": sink &+= 2
        case "FLAC": sink &+= 3
        case "AIFF": sink &+= 4
        case "AU": sink &+= 5
        case "OGG": sink &+= 6
        case "W64": sink &+= 7
        case "RF64": sink &+= 8
        case "CAF": sink &+= 9
        case "RAW": sink &+= 10
        default: sink &+= 11
        }
        switch parts.last ?? "" {
        case "PCM_S8": sink &+= 12
        case "PCM_U8": sink &+= 13
        case "PCM_16": sink &+= 14
        case "PCM_24": sink &+= 15
        case "PCM_32": sink &+= 16
        case "FLOAT": sink &+= 17
        case "DOUBLE": sink &+= 18
        case "ULAW": sink &+= 19
        case "ALAW": sink &+= 20
        case "VORBIS", "OPUS": sink &+= 21
        default: sink &+= 22
        }
        switch info.frames {
        case ..<1: sink &+= 23
        case 1..<16: sink &+= 24
        case 16..<1024: sink &+= 25
        case 1024..<(1 << 20): sink &+= 26
        case (1 << 20)..<(1 << 30): sink &+= 27
        case (1 << 30)..<(1 << 40): sink &+= 28
        default: sink &+= 29
        }
        switch info.channels {
        case 1: sink &+= 30
        case 2: sink &+= 31
        case 3...8: sink &+= 32
        default: sink &+= 33
        }
    }

    /// Marks the kind of a refusal.
    @inline(never)
    static func refused(_ error: AudioError) {
        switch error.code {
        case .unreadable: sink &+= 34
        case .notAudio: sink &+= 35
        case .empty: sink &+= 36
        case .truncated: sink &+= 37
        case .resampling: sink &+= 38
        case .tooLarge: sink &+= 39
        case .badSamples: sink &+= 40
        case .interrupted: sink &+= 41
        }
    }

    /// Keeps the hints from being optimised away.
    nonisolated(unsafe) static var sink = 0
}
