#if !FUZZING
    import Foundation
    import SERTestSupport

    /// The seed corpus of each target: small generated inputs (no recorded audio) that reach
    /// the interesting branches, written by `fuzz-inputs seed Fuzz` and committed under
    /// Fuzz/corpus/<target>/.
    enum FuzzSeeds {
        /// Audio: good and lying WAV, FLAC and AU headers, a few hundred bytes each.
        static var audio: [String: Data] {
            var au = Data()
            au.append(contentsOf: Array(".snd".utf8))
            for word: UInt32 in [24, 0xFFFF_FFFF, 3, 8000, 1] { withUnsafeBytes(of: word.bigEndian) { au.append(contentsOf: $0) } }
            au.append(Data(repeating: 0x10, count: 64))
            return [
                "wav-pcm16": HostileAudio.tone(frames: 100),
                "wav-pcm16-stereo": WAVWriter.pcm16(sampleRate: 16000, channels: 2, samples: (0..<64).map { Int16($0 * 300) }),
                "wav-truncated": HostileAudio.tone(frames: 200).prefix(240),
                "wav-claims-4GiB": HostileAudio.wavClaiming(bytes: 0xFFFF_FFF0, frames: 16),
                "wav-float": HostileAudio.float32((0..<64).map { Float($0) / 64 }),
                "wav-float-nan": HostileAudio.float32(frames: 64, putting: .nan, at: 3),
                "wav-zero-channels": HostileAudio.wavHeader(channels: 0, sampleRate: 8000, bits: 16),
                "wav-format-tag": HostileAudio.wavHeader(channels: 1, sampleRate: 8000, bits: 24, formatTag: 0xFFFE),
                "flac-claims-1000": HostileAudio.flacClaiming(totalFrames: 1000),
                "au-pcm16": au,
                "garbage": HostileAudio.garbage(count: 256),
            ]
        }

        /// Audio inputs that crash `AudioDecoder` today (issue #16 item 7): written to
        /// Fuzz/crashers/audio/ and replayed one by one as known issues until the fix is merged.
        /// A FLAC STREAMINFO total of 0 means "length unknown", which libsndfile reports as
        /// `SF_COUNT_MAX` frames; 2³⁶ − 1 frames asks for 275 GB.
        static var audioCrashers: [String: Data] {
            [
                "flac-unknown-length": HostileAudio.flacClaiming(totalFrames: 0),
                "flac-claims-2^36-frames": HostileAudio.flacClaiming(totalFrames: 1 << 36 - 1),
            ]
        }

        /// CSV manifests: quoting, delimiters, BOM, CRLF, missing columns, duplicates.
        static let csv: [String: String] = [
            "plain": "path,label,speaker,gender\na.wav,angry,s1,f\nb.wav,happy,s2,m\n",
            "quoted": "\"path\",\"emotion\"\n\"a, b.wav\",\"sad\"\n\"c \"\"d\"\".wav\",neutral\n",
            "crlf-bom": "\u{FEFF}file;class\r\nx.wav;fear\r\ny.wav;disgust\r\n",
            "tabs": "audio\tlabel\textra\nx.wav\tsurprise\t1\n",
            "duplicates": "path,label\na.wav,angry\na.wav,sad\n,happy\nb.wav,\n",
            "unterminated": "path,label\n\"a.wav,angry\n",
            "no-label": "path,speaker\na.wav,s1\n",
            "multiline": "path,label\n\"a\nb.wav\",calm\n",
        ]

        /// `--where` expressions over every construct of the grammar.
        static let filter: [String: String] = [
            "compare": "lr < 0.1",
            "boolean": "optimizer = 'adam' and not (layers >= 2 or seed in (1, 2, 3))",
            "like": "name not like 'base%' or dataset like '_x'",
            "columns": "test.acc > 0.5 and val.loss <= 1e-3 and status != 'failed' and kind <> 'sweep'",
            "tag": "tag = 'best' or tag in ('a', 'b')",
            "prefixed": "hp.seed == 3 and duration > 60",
            "mismatch": "lr < 'abc'",
            "unterminated": "name = 'abc",
            "nested": "((((lr < 1))))",
            "quote-escape": "name = 'it''s'",
        ]

        /// Writes every seed as FOLDER/corpus/<target>/<name> and every known crasher as
        /// FOLDER/crashers/<target>/<name>; returns how many files.
        static func write(into folder: URL) throws -> Int {
            let sets: [(String, FuzzTarget, [String: Data])] = [
                ("corpus", .audio, audio),
                ("corpus", .csv, csv.mapValues { Data($0.utf8) }),
                ("corpus", .filter, filter.mapValues { Data($0.utf8) }),
                ("crashers", .audio, audioCrashers),
            ]
            var count = 0
            for (kind, target, seeds) in sets {
                let directory = folder.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                for (name, data) in seeds {
                    try data.write(to: directory.appendingPathComponent(name))
                    count += 1
                }
            }
            return count
        }
    }
#endif
