import Foundation
import SERCore
public import SERPlot
public import SERStore

/// `ser plot emotions`: one representative clip per emotion, as a grid of waveform and dB
/// mel spectrogram per row, on shared scales so that rows compare: one amplitude limit, one
/// time axis, one dB reference (0 dB = the loudest bin of all the clips).
public enum EmotionGallery {
    /// The clip drawn for each emotion, in `order`: a seeded choice among the emotion's
    /// clips (of `speaker` if given). Emotions without a clip are left out.
    public static func choose(_ clips: [ClipInfo], order: [String], speaker: String?, seed: UInt64) -> [ClipInfo] {
        var generator = SeededGenerator(seed: seed)
        return order.compactMap { label in
            let candidates = clips.filter { $0.label == label && (speaker == nil || $0.speaker == speaker) }.sorted { $0.id < $1.id }
            guard !candidates.isEmpty else { return nil }
            return candidates[Int(generator.next() % UInt64(candidates.count))]
        }
    }

    /// The grid figure: per row the clip's waveform (left) and mel spectrogram in dB (right).
    public static func figure(_ audios: [ClipResolver.ClipAudio], dataset: String, note: String) throws -> Figure {
        let waves = audios.map { a in
            WaveformChart(samples: a.samples, sampleRate: Double(a.sampleRate), color: EmotionColors.color(a.clip?.label ?? ""))
        }
        let limit = WaveformChart.sharedLimit(waves)
        let longest = waves.map(\.duration).max() ?? 1
        let hop = 512
        // One dB reference for all: the loudest mel bin of any clip.
        var melPowers: [Matrix] = []
        for a in audios {
            melPowers.append(try SpectrogramHook.melPower(a.samples, sampleRate: a.sampleRate, nFFT: 2048, hopLength: hop, nMels: 128))
        }
        let reference = melPowers.compactMap { $0.values.max() }.max() ?? 1
        var panels: [any Chart] = []
        for (i, a) in audios.enumerated() {
            var wave = waves[i]
            wave.amplitudeLimit = limit
            wave.timeLimit = longest
            let label = a.clip?.label ?? a.stem
            let speaker = a.clip?.speaker.map { " · speaker \($0)" } ?? ""
            wave.title = "\(label)\(speaker) (clip \(a.clip.map { String($0.id) } ?? a.stem))"
            panels.append(wave)
            let frames = Int((longest * Double(a.sampleRate) / Double(hop)).rounded(.up)) + 1
            panels.append(
                try SpectrogramPanel.panel(
                    a, mel: true, decibels: true, hopLength: hop, title: "\(label): mel spectrogram", reference: reference,
                    frames: frames))
        }
        return Figure(
            width: 1100, height: 60 + Double(audios.count) * 200,
            title: "Dataset \(dataset): one clip per emotion (\(note); shared amplitude, time and dB scales)", panels: panels, columns: 2)
    }

    /// One clip as a row of the gallery, on its own scales: its waveform (left) and dB mel
    /// spectrogram (right), titled with its emotion and speaker.
    public static func clipFigure(_ audio: ClipResolver.ClipAudio, label: String, speaker: String?) throws -> Figure {
        let wave = WaveformChart(
            samples: audio.samples, sampleRate: Double(audio.sampleRate), title: "\(label)\(speaker.map { " · speaker \($0)" } ?? "")",
            color: EmotionColors.color(label))
        let spectrogram = try SpectrogramPanel.panel(audio, mel: true, decibels: true, hopLength: 512, title: "\(label): mel spectrogram")
        return Figure(width: 1100, height: 260, title: audio.title, panels: [wave, spectrogram], columns: 2)
    }
}
