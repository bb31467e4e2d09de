// Times training epochs of the seed architecture on random data of the seed's shape.
//
//   swift run -c release bench-model [--epochs 3] [--threads 2] [--clips 1080 | --corpus DIR] [--mode padded|masked|both]
//                                    [--conv 128,128 --kernel 5] [--arch best]
// (GFLOP/s of the LSTM's GEMM shapes per engine: bench-gemm, scripts/bench-gemm.sh.)
//
// Model: [Conv1D(C, k) ReLU → … with --conv] → LSTM 128 → LSTM 64 → Dropout 0.3 → Dense 64 ReLU → Dense 8 softmax, Adam 1e-3,
// batch 32, 59 features, 200 frames. With --arch best, `--recipe best`'s network instead: 187 features
// (MFCC 40 + chroma + contrast + log-mel) → BiLSTM 96 → attention pooling → Dropout 0.4 → Dense 64 ReLU
// → Dense 8, Adam 2e-3 (its augmentation, mixup and loss weighting are left out: data-side and cheap). Padded: every clip 200 frames. Masked: each clip its
// own length — the real clips' with --corpus (e.g. ../shared/data/ravdess-speech, 1,080
// clips), else uniform in 100...200 frames (mean 150). Prints seconds per epoch (first epoch
// excluded as warm-up when more than one is run) and the peak resident memory (VmHWM).
import Foundation
import SERAudio
import SERCore
import SERLinearAlgebra
import SERModel

func option(_ name: String, _ fallback: String) -> String {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
    return fallback
}

/// User + system CPU seconds of this process so far (all threads).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
        return kb / 1024
    }
    return .nan
}

let epochs = Int(option("--epochs", "3")) ?? 3
let threads = Int(option("--threads", "2")) ?? 2
let modes: [SequenceMode] =
    switch option("--mode", "both") {
    case "padded": [.padded]
    case "masked": [.masked]
    default: [.padded, .masked]
    }
let corpus = option("--corpus", "")
let convChannels = option("--conv", "").split(separator: ",").compactMap { Int($0) }
let convKernel = Int(option("--kernel", "5")) ?? 5
let bestArchitecture = option("--arch", "seed") == "best"
let dims = bestArchitecture ? 187 : 59

/// Feature frames of each audio file under `directory` (sorted paths) as ser computes them
/// by default: resampled to 22,050 Hz, centred STFT with hop 512 (1 + samples / 512).
func corpusLengths(_ directory: String) -> [Int] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
        let walker = FileManager.default.enumerator(atPath: directory)
    else {
        print("error: --corpus \(directory): not a readable directory")
        exit(1)
    }
    let files = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".flac") || $0.hasSuffix(".wav") }.sorted()
    guard !files.isEmpty else {
        print("error: --corpus \(directory): no .flac or .wav files")
        exit(1)
    }
    return files.map { file in
        do {
            let info = try AudioDecoder.info(path: directory + "/" + file)
            let samples = (info.frames * 22_050 + info.sampleRate - 1) / info.sampleRate
            return 1 + samples / 512
        } catch {
            print("error: \(error)")
            exit(1)
        }
    }
}

// Lengths: the real clips' frame counts with --corpus (their features' values do not change
// the arithmetic, so the values stay random), else uniform in 100...200.
var rng = SeededGenerator(seed: 42)
let lengths: [Int]
if corpus.isEmpty {
    let clips = Int(option("--clips", "1080")) ?? 1080
    lengths = (0..<clips).map { _ in 100 + Int(rng.next() % 101) }
} else {
    lengths = corpusLengths(corpus)
    let sorted = lengths.sorted()
    print(
        "corpus \(corpus): \(lengths.count) clips, \(sorted[0])–\(sorted[sorted.count - 1]) frames (median \(sorted[sorted.count / 2])), \(lengths.filter { $0 > 200 }.count) truncated to 200"
    )
}
let clips = lengths.count
var sequences: [Matrix] = []
for (i, frames) in lengths.enumerated() {
    let values = (0..<(frames * dims)).map { _ in Float(rng.nextGaussian()) }
    if let m = Matrix(rows: frames, columns: dims, values: values) { sequences.append(m) } else { print("bad matrix \(i)") }
}
let labels = (0..<clips).map { $0 % 8 }

for mode in modes {
    var config = ModelConfig(inputDims: dims, classCount: 8)
    config.sequenceMode = mode
    if bestArchitecture {
        config.lstmUnits = [96]
        config.bidirectional = true
        config.pooling = .attention
        config.dropout = 0.4
        config.denseUnits = [64]
        config.optimizer.learningRate = 2e-3
    }
    config.convChannels = convChannels
    config.convKernel = convKernel
    do {
        let trainer = try Trainer(config: config, threads: threads)
        let data = try SequenceDataset(sequences: sequences, labels: labels)
        var times: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<epochs {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = cpuSeconds()
            let result = try trainer.trainEpoch(data)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            times.append(seconds)
            cpu.append(cpuSeconds() - cpuStart)
            print(
                String(
                    format: "%@ epoch %d: %.3f s (%.3f CPU s), loss %.4f", mode.rawValue, result.epoch, seconds, cpu[cpu.count - 1],
                    result.loss))
        }
        let timed = times.count > 1 ? Array(times.dropFirst()) : times
        let timedCPU = cpu.count > 1 ? Array(cpu.dropFirst()) : cpu
        let mean = timed.reduce(0, +) / Double(timed.count)
        let best = timed.min() ?? mean
        let meanCPU = timedCPU.reduce(0, +) / Double(timedCPU.count)
        print(
            String(
                format: "ser %@%@%@ threads=%d: %.3f s/epoch (mean of %d, best %.3f), %.3f CPU s/epoch, peak RSS %.0f MiB", mode.rawValue,
                convChannels.isEmpty ? "" : " conv=\(convChannels.map(String.init).joined(separator: ",")) kernel=\(convKernel)",
                bestArchitecture ? " arch=best" : "", threads,
                mean, timed.count, best, meanCPU, peakMemoryMiB()))
    } catch {
        print("error: \(error)")
    }
}
