import Foundation
import SERStore

extension RunOrchestrator {
    /// The provenance facts that decide a run's float32 rounding and differ between two runs,
    /// as `name old → new` (e.g. `gemm openblas → ser_gemm-avx512`).
    static func environmentChanges(_ before: Provenance?, _ after: Provenance?) -> [String] {
        guard let before, let after else { return [] }
        func gemm(_ p: Provenance) -> String? {
            guard let data = p.extra.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return object["gemm"] as? String
        }
        let facts: [(String, String?, String?)] = [
            (
                "ser", before.serVersion + (before.buildCommit.map { " " + $0 } ?? ""),
                after.serVersion + (after.buildCommit.map { " " + $0 } ?? "")
            ),
            ("cpu", before.cpuModel, after.cpuModel),
            ("blas_threads", before.blasThreads.map(String.init), after.blasThreads.map(String.init)),
            ("gemm", gemm(before) ?? "openblas (before ser_gemm existed)", gemm(after)),
        ]
        return facts.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1 ?? "–") → \($0.2 ?? "–")" }
    }
}
