// bench-features: featurise every clip of a corpus folder with the default 59-dim set
// (decode + mono + soxr-HQ resample to 22,050 Hz + MFCC/chroma/contrast), one extractor per
// worker, then time the feature stage alone (audio decoded and resampled beforehand, in
// chunks, untimed), then (unless --no-librosa) time scripts/bench_librosa_features.py on the
// same clips and print both ratios: end to end, and feature stage against librosa's
// feature calls.
//
//   swift run -c release bench-features [--data ../shared/data/ravdess-speech]
//       [--workers 2] [--limit N] [--no-librosa] [--no-stage] [--repeat 1] [--librosa-jobs 1] [--python python3]
import Dispatch
import Foundation
import SERAudio
import SERCore
import SERFeatures

struct Options {
    var data = "../shared/data/ravdess-speech"
    var workers = ProcessInfo.processInfo.activeProcessorCount
    var limit: Int?
    var librosa = true
    var librosaJobs = 1
    var python = "python3"
    var stage = true
    var repeats = 1

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var it = arguments.dropFirst().makeIterator()
        while let flag = it.next() {
            switch flag {
            case "--data": guard let v = it.next() else { return nil }; options.data = v
            case "--workers": guard let v = it.next(), let n = Int(v), n > 0 else { return nil }; options.workers = n
            case "--limit": guard let v = it.next(), let n = Int(v), n > 0 else { return nil }; options.limit = n
            case "--no-librosa": options.librosa = false
            case "--no-stage": options.stage = false
            case "--repeat": guard let v = it.next(), let n = Int(v), n > 0 else { return nil }; options.repeats = n
            case "--librosa-jobs": guard let v = it.next(), let n = Int(v), n > 0 else { return nil }; options.librosaJobs = n
            case "--python": guard let v = it.next() else { return nil }; options.python = v
            default: return nil
            }
        }
        return options
    }
}

/// Audio files under `folder`, sorted by path.
func audioFiles(under folder: String) -> [String] {
    let extensions: Set<String> = ["flac", "wav", "ogg", "aiff", "aif"]
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    var paths: [String] = []
    while let relative = walker.nextObject() as? String {
        if extensions.contains((relative as NSString).pathExtension.lowercased()) {
            paths.append((folder as NSString).appendingPathComponent(relative))
        }
    }
    return paths.sorted()
}

/// User + system CPU seconds of this process so far (all threads).
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

/// Peak resident set size of this process so far, MB (Linux `VmHWM`; nil elsewhere).
func peakRSSMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        if fields.count >= 2, let kb = Double(fields[1]) { return kb / 1024 }
    }
    return nil
}

/// Thread-safe work queue and tallies.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var frames = 0
    private(set) var checksum = 0.0
    private(set) var failures: [String] = []
    /// Seconds spent in each stage, summed over workers.
    private(set) var stages = [0.0, 0.0, 0.0]

    func take(below count: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func record(frames: Int, sum: Double, stages: [Double]) {
        lock.lock(); defer { lock.unlock() }
        self.frames += frames
        checksum += sum
        for i in 0..<3 { self.stages[i] += stages[i] }
    }

    func fail(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        failures.append(message)
    }
}

guard let options = Options.parse(CommandLine.arguments) else {
    print(
        "usage: bench-features [--data DIR] [--workers N] [--limit N] [--no-librosa] [--no-stage] [--repeat N] [--librosa-jobs N] [--python PY]"
    )
    exit(2)
}
let allFiles = audioFiles(under: options.data)
let files = options.limit.map { Array(allFiles.prefix($0)) } ?? allFiles
guard !files.isEmpty else {
    print("no audio files under \(options.data)")
    exit(1)
}
let config = FeatureConfig()
FeatureExtractor.setMatrixThreads(1)
print("ser features: \(files.count) clips from \(options.data), \(config.dims) dims at \(config.sampleRate) Hz, \(options.workers) workers")
print("config hash \(config.hash)")
if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
    print(
        "load average before: \(load.split(separator: " ").prefix(3).joined(separator: " ")) (\(ProcessInfo.processInfo.activeProcessorCount) cores)"
    )
}

let tally = Tally()
let clock = ContinuousClock()
let started = clock.now
let cpuStarted = cpuSeconds()
DispatchQueue.concurrentPerform(iterations: options.workers) { _ in
    let extractor: FeatureExtractor
    do { extractor = try FeatureExtractor(config: config) } catch {
        tally.fail("extractor: \(error)")
        return
    }
    while let index = tally.take(below: files.count) {
        let path = files[index]
        do {
            let t0 = clock.now
            let audio = try AudioDecoder.decode(path: path)
            let t1 = clock.now
            let mono = try Resampler.resample(audio.mono(), from: audio.info.sampleRate, to: config.sampleRate)
            let t2 = clock.now
            let tensor = try extractor.extract(mono)
            let t3 = clock.now
            tally.record(
                frames: tensor.frames, sum: tensor.matrix.values.reduce(0.0) { $0 + Double($1) },
                stages: [(t1 - t0) / .seconds(1), (t2 - t1) / .seconds(1), (t3 - t2) / .seconds(1)])
        } catch {
            tally.fail("\(path): \(error)")
        }
    }
}
let serSeconds = (clock.now - started) / .seconds(1)
let serCPU = cpuSeconds() - cpuStarted
let rss = peakRSSMegabytes()
print(
    String(
        format: "ser:     %.2f s wall for %d clips (%.2f ms/clip), %d frames, checksum %.6e", serSeconds, files.count,
        1000 * serSeconds / Double(files.count), tally.frames, tally.checksum))
print(
    String(
        format: "ser:     stage time summed over workers: decode %.2f s, mono+resample %.2f s, features %.2f s",
        tally.stages[0], tally.stages[1], tally.stages[2]))
print(String(format: "ser:     %.2f s CPU (user+sys, all threads)", serCPU))
if let rss { print(String(format: "ser:     peak RSS %.1f MB (VmHWM)", rss)) }
for failure in tally.failures.prefix(10) { print("failed: \(failure)") }

/// Feature stage alone: chunks of clips are decoded and resampled (untimed, in parallel),
/// then featurised by `workers` extractors under the clock, `repeats` times per chunk.
/// Returns the sum over chunks of each chunk's fastest wall time, seconds.
func featureStageSeconds(files: [String], workers: Int, repeats: Int, chunk: Int = 120) -> Double? {
    let extractors = (0..<workers).compactMap { _ in try? FeatureExtractor(config: config) }
    guard extractors.count == workers else { return nil }
    final class Slots: @unchecked Sendable {
        var signals: [[Float]]
        let lock = NSLock()
        var next = 0
        init(count: Int) { signals = Array(repeating: [], count: count) }
        func take(below count: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }
    final class Box: @unchecked Sendable { let extractors: [FeatureExtractor]; init(_ e: [FeatureExtractor]) { extractors = e } }
    let box = Box(extractors)
    let clock = ContinuousClock()
    var seconds = 0.0
    var start = 0
    while start < files.count {
        let part = Array(files[start..<min(files.count, start + chunk)])
        start += part.count
        let slots = Slots(count: part.count)
        DispatchQueue.concurrentPerform(iterations: part.count) { i in
            guard let audio = try? AudioDecoder.decode(path: part[i]),
                let mono = try? Resampler.resample(audio.mono(), from: audio.info.sampleRate, to: config.sampleRate)
            else { return }
            slots.lock.lock(); slots.signals[i] = mono; slots.lock.unlock()
        }
        // The fastest of `repeats` passes over the chunk: this machine is a VM whose speed
        // drifts by ±10 % from second to second.
        var best = Double.infinity
        for _ in 0..<repeats {
            slots.next = 0
            let t0 = clock.now
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                while let i = slots.take(below: part.count) {
                    if !slots.signals[i].isEmpty { _ = try? box.extractors[w].extract(slots.signals[i]) }
                }
            }
            best = min(best, (clock.now - t0) / .seconds(1))
        }
        seconds += best
    }
    return seconds
}

var stageSeconds: Double?
if options.stage {
    stageSeconds = featureStageSeconds(files: files, workers: options.workers, repeats: options.repeats)
    if let stageSeconds {
        print(
            String(
                format: "ser:     feature stage alone: %.2f s wall for %d clips (%.3f ms/clip), %d workers, best of %d",
                stageSeconds, files.count, 1000 * stageSeconds / Double(files.count), options.workers, options.repeats))
    }
}

guard options.librosa else { exit(tally.failures.isEmpty ? 0 : 1) }
let script = "scripts/bench_librosa_features.py"
guard FileManager.default.fileExists(atPath: script) else {
    print("librosa: \(script) not found (run from the package root); skipped")
    exit(0)
}
let listURL = FileManager.default.temporaryDirectory.appendingPathComponent("bench-features-\(getpid()).txt")
do { try files.joined(separator: "\n").write(to: listURL, atomically: true, encoding: .utf8) } catch {
    print("librosa: cannot write the file list: \(error)")
    exit(1)
}
defer { try? FileManager.default.removeItem(at: listURL) }
let process = Process()
process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
process.arguments = [options.python, script, "--files", listURL.path, "--jobs", String(options.librosaJobs)]
var environment = ProcessInfo.processInfo.environment
// OPENBLAS_CORETYPE (and its companion L2 size) may be set on this machine and slow numpy.
environment.removeValue(forKey: "OPENBLAS_CORETYPE")
environment.removeValue(forKey: "OPENBLAS_L2_SIZE")
process.environment = environment
let pipe = Pipe()
process.standardOutput = pipe
do { try process.run() } catch {
    print("librosa: cannot run \(options.python): \(error)")
    exit(1)
}
let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
process.waitUntilExit()
print(output.trimmingCharacters(in: .whitespacesAndNewlines))
guard process.terminationStatus == 0,
    let line = output.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
    let json = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
    let librosaSeconds = json["seconds"] as? Double,
    let librosaCPU = json["cpuSeconds"] as? Double
else {
    print("librosa: run failed (status \(process.terminationStatus))")
    exit(1)
}
print(String(format: "librosa: %.2f s wall (%d job%@)", librosaSeconds, options.librosaJobs, options.librosaJobs == 1 ? "" : "s"))
let librosaFeatureSeconds = json["featureSeconds"] as? Double
if let load = json["loadSeconds"] as? Double, let librosaFeatureSeconds {
    print(String(format: "librosa: load (decode + soxr_hq) %.2f s, feature calls %.2f s", load, librosaFeatureSeconds))
}
print(String(format: "librosa: %.2f s CPU (user+sys, all threads and workers)", librosaCPU))
print(
    String(
        format: "ratio:   end to end, ser is %.1f× faster than librosa in wall time (%.1f× less CPU)",
        librosaSeconds / serSeconds, librosaCPU / serCPU))
if let stageSeconds, let librosaFeatureSeconds, options.librosaJobs == 1 {
    print(
        String(
            format: "ratio:   feature stage, ser is %.1f× faster than librosa's feature calls in wall time",
            librosaFeatureSeconds / stageSeconds))
}
