import Foundation

/// A generated corpus for tests that need audio whose class a model can learn.
public enum ToneCorpus {
    /// RAVDESS-named tone clips whose class is audible: neutral a steady tone, happy a rising
    /// chirp, sad a falling one, angry a buzzy (square-ish) tone; each actor speaks at its own
    /// pitch. `Actor_AA/03-01-EE-II-SS-RR-AA.wav` (up to 8 repetitions), 16 kHz, `seconds` long.
    ///
    /// - Returns: the number of clips written.
    @discardableResult
    public static func write(
        to corpus: URL, actors: Int = 6, firstActor: Int = 1, repetitions: Int = 3, seconds: Double = 0.5, emotions: [Int] = [1, 3, 4, 5]
    ) throws -> Int {
        let rate = 16_000
        let n = Int(seconds * Double(rate))
        var count = 0
        for actor in firstActor..<(firstActor + actors) {
            let pitch = 160.0 * pow(1.12, Double(actor - 1))
            for emotion in emotions {
                for repetition in 1...repetitions {
                    var samples = [Int16](repeating: 0, count: n)
                    var phase = 0.0
                    for i in 0..<n {
                        let t = Double(i) / Double(n)
                        let f: Double
                        switch emotion {
                        case 3: f = pitch * (1 + 0.8 * t)  // rising
                        case 4: f = pitch * (1.6 - 0.8 * t)  // falling
                        default: f = pitch
                        }
                        phase += 2 * Double.pi * f / Double(rate)
                        var x = sin(phase + Double(repetition))
                        if emotion == 5 { x = max(-0.6, min(0.6, 3 * x)) }  // clipped: rich harmonics
                        let envelope = min(1, min(t, 1 - t) * 20)
                        samples[i] = Int16(max(-32767, min(32767, 12_000 * x * envelope)))
                    }
                    // RAVDESS has two statements × two repetitions; more repetitions cycle through them.
                    let statement = (repetition - 1) / 2 % 2 + 1, take = (repetition - 1) % 2 + 1
                    let intensity = (repetition - 1) / 4 + 1
                    let name = String(
                        format: "Actor_%02d/03-01-%02d-%02d-%02d-%02d-%02d.wav", actor, emotion, intensity, statement, take, actor)
                    let url = corpus.appendingPathComponent(name)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try WAVWriter.pcm16(sampleRate: rate, channels: 1, samples: samples).write(to: url)
                    count += 1
                }
            }
        }
        return count
    }
}
