import Foundation
import SERTestSupport
import GRDB
import SERCore
import SERStore

/// A small database with everything the plot commands draw: a dataset of synthesised WAV
/// clips (4 emotions × 3 speakers), cached features (MFCC, chroma, mel), a finished
/// 30-epoch run with a test evaluation, a second finished run, and a queued run with no
/// epochs.
struct PlotFixture {
    let folder: URL
    let databasePath: String
    /// The finished runs, and the queued one.
    let runA: Int64, runB: Int64, emptyRun: Int64
    /// A clip with a file on disk and cached features.
    let clipID: Int64
    let clipRelativePath: String

    static let emotions = ["angry", "happy", "neutral", "sad"]

    init() throws {
        folder = try ScratchFolder.make()
        databasePath = folder.appendingPathComponent("ser.db").path
        let store = try Store.create(at: databasePath)
        let audio = folder.appendingPathComponent("audio")
        try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
        var clipIDs: [Int64] = []
        var labels: [Int64: String] = [:]
        try store.write { db in
            try db.execute(
                sql: "INSERT INTO datasets (id, name, layout, root_path, created_at) VALUES (1, 'toy', 'folders', ?, 'now')",
                arguments: [audio.path])
            var id: Int64 = 0
            for (e, emotion) in Self.emotions.enumerated() {
                for speaker in 1...3 {
                    for take in 1...2 {
                        id += 1
                        let rate = 16000
                        let seconds = 0.6 + 0.15 * Double(e) + 0.05 * Double(take)
                        let frames = Int(seconds * Double(rate))
                        let pitch = 150.0 + 40 * Double(e) + 10 * Double(speaker)
                        let samples = (0..<frames).map { i -> Int16 in
                            let t = Double(i) / Double(rate)
                            let envelope = sin(Double.pi * Double(i) / Double(frames))
                            return Int16(9000 * envelope * (sin(2 * .pi * pitch * t) + 0.4 * sin(2 * .pi * 2.5 * pitch * t)))
                        }
                        let relative = "\(emotion)/s\(speaker)_\(take).wav"
                        let file = audio.appendingPathComponent(relative)
                        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try WAVWriter.pcm16(sampleRate: rate, channels: 1, samples: samples).write(to: file)
                        try db.execute(
                            sql: """
                                INSERT INTO clips (id, dataset_id, path, relative_path, content_hash, file_size, format, sample_rate, channels,
                                                   frames, duration, label, original_label, speaker, imported_at)
                                VALUES (?, 1, ?, ?, ?, ?, 'WAV/PCM_16', ?, 1, ?, ?, ?, ?, ?, 'now')
                                """,
                            arguments: [
                                id, file.path, relative, String(repeating: String(id % 10), count: 64), 44 + 2 * frames, rate,
                                frames, seconds, emotion, emotion, "\(speaker)",
                            ])
                        clipIDs.append(id)
                        labels[id] = emotion
                    }
                }
            }
        }
        clipID = 1
        clipRelativePath = "angry/s1_1.wav"
        // Cached features: 13 MFCC + 12 chroma + 16 mel bands per frame, hop 512 at 16 kHz.
        let names = (0..<13).map { "mfcc_\($0)" } + (0..<12).map { "chroma_\($0)" } + (0..<16).map { "mel_\($0)" }
        let config = try store.featureConfigID(
            hash: String(repeating: "c", count: 64), name: "mfcc13+chroma+mel16",
            params: #"{"sample_rate":16000,"hop_length":512,"n_fft":2048}"#, featureNames: names)
        var rng = SeededGenerator(seed: 1)
        var batch: [(clipID: Int64, features: Matrix, milliseconds: Double)] = []
        for id in clipIDs {
            let e = Double(Self.emotions.firstIndex(of: labels[id] ?? "") ?? 0)
            let frames = 40
            var m = Matrix(rows: frames, columns: names.count)
            for f in 0..<frames {
                for d in 0..<names.count {
                    let base: Double =
                        d < 13
                        ? (d == 0 ? -300 + 30 * e : 20 / Double(d) * sin(Double(f) / 5 + e))
                        : d < 25 ? abs(sin(Double(f) / 7 + Double(d))) : exp(-Double(d - 25) / 4) * (1 + sin(Double(f) / 3))
                    m[f, d] = Float(base + Double.random(in: -1...1, using: &rng) * (d < 13 ? 3 : 0.05))
                }
            }
            batch.append((id, m, 1))
        }
        try store.saveFeatures(configID: config, batch)

        func newRun(_ name: String) -> NewRun {
            NewRun(
                name: name, datasetVersionID: nil, featureConfigID: config, split: "speaker", seed: 42,
                config: #"{"epochs":30,"layers":[128,64],"lr":0.001,"optimizer":"adam"}"#, commandLine: "ser train --epochs 30",
                tags: ["fixture"], hyperparameters: ["lr": "0.001", "layers": "[128,64]", "optimizer": "\"adam\""],
                provenance: Provenance(serVersion: "0.1.0", buildCommit: "abc123", hostname: "test", cpuCores: 2))
        }
        func train(_ id: Int64, epochs: Int, quality: Double) throws {
            try store.markRunning(id, pid: 1)
            for epoch in 1...epochs {
                let x = Double(epoch)
                try store.recordEpoch(
                    id,
                    EpochRecord(
                        epoch: epoch, trainLoss: 1.4 * exp(-x / 8) + 0.15,
                        trainAccuracy: min(0.98, 0.3 + 0.6 * (1 - exp(-x / 7)) * quality),
                        validationLoss: 1.4 * exp(-x / 10) + 0.4 + 0.004 * x, validationAccuracy: 0.28 + 0.45 * (1 - exp(-x / 9)) * quality,
                        validationF1: 0.25 + 0.45 * (1 - exp(-x / 9)) * quality, learningRate: 1e-3, wallSeconds: 1.5),
                    last: nil, best: nil)
            }
            try store.write { try $0.execute(sql: "UPDATE runs SET best_epoch = ? WHERE id = ?", arguments: [min(epochs, 21), id]) }
            let confusion =
                quality > 0.9
                ? [[5, 1, 0, 0], [1, 4, 1, 0], [0, 1, 4, 1], [0, 0, 1, 5]] : [[4, 2, 0, 0], [2, 3, 1, 0], [0, 1, 3, 2], [1, 0, 2, 3]]
            let classes = Self.emotions.enumerated().map { i, label in
                let tp = Double(confusion[i][i]), predicted = Double((0..<4).map { confusion[$0][i] }.reduce(0, +))
                let p = tp / max(predicted, 1), r = tp / 6
                return EvaluationRecord.ClassMetric(
                    label: label, precision: p, recall: r, f1: p + r > 0 ? 2 * p * r / (p + r) : 0, support: 6)
            }
            try store.recordEvaluation(
                id,
                EvaluationRecord(
                    subset: "test", metrics: ["accuracy": 0.75 * quality, "macro_f1": 0.73 * quality, "uar": 0.75 * quality],
                    classes: classes, labels: Self.emotions, confusion: confusion, predictions: []))
            try store.endRun(id, status: .finished)
        }
        runA = try store.createRun(newRun("baseline"))
        try train(runA, epochs: 30, quality: 1)
        runB = try store.createRun(newRun("small"))
        try train(runB, epochs: 20, quality: 0.85)
        emptyRun = try store.createRun(newRun("queued"))
    }

    /// Runs `ser ARGS --db <fixture>` in the fixture's folder.
    func ser(_ arguments: [String]) throws -> SERProcess.Result {
        try SERProcess.run(arguments + ["--db", databasePath], in: folder)
    }
}
