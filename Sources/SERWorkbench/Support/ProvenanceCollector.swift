import Foundation
import SERCore
import SERLinearAlgebra
import SERModel
public import SERStore

/// Gathers the machine facts recorded with every run.
public enum ProvenanceCollector {
    /// Provenance for a run on this machine with the given dataset and feature hashes.
    public static func collect(datasetHash: String?, featureConfigHash: String?) -> Provenance {
        Provenance(
            serVersion: SERVersion.string,
            buildCommit: BuildInfo.commit,
            datasetHash: datasetHash,
            featureConfigHash: featureConfigHash,
            hostname: ProcessInfo.processInfo.hostName,
            os: operatingSystem(),
            cpuModel: cpuModel(),
            cpuCores: ProcessInfo.processInfo.activeProcessorCount,
            blasThreads: BLAS.threadCount,
            extra: #"{"swift":"\#(swiftVersion)","gemm":"\#(GEMM.backendName)"}"#)
    }

    /// e.g. `Linux 6.1.0-18-amd64 x86_64 (Debian GNU/Linux 12 (bookworm))`.
    public static func operatingSystem() -> String {
        var name = utsname()
        uname(&name)
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        }
        var description = "\(text(name.sysname)) \(text(name.release)) \(text(name.machine))"
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
            let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") })
        {
            description += " (\(line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))))"
        }
        return description
    }

    /// The CPU model name from /proc/cpuinfo, if readable.
    public static func cpuModel() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    public static var swiftVersion: String {
        #if swift(>=6.3)
            "6.3+"
        #elseif swift(>=6.0)
            "6.x"
        #else
            "<6"
        #endif
    }
}
