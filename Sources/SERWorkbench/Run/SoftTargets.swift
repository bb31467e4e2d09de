/// A teacher's class probabilities for one split's training clips (`--teacher`): the soft
/// targets of knowledge distillation, in `PreparedData.classes`' order.
struct SoftTargets: Sendable, Equatable {
    /// `clips.id` → the teacher's probabilities of the clip as recorded.
    var clips: [Int64: [Float]]
    /// One map per speed-perturbed copy, in `speedPerturb` order: `clips.id` → the teacher's
    /// probabilities of that copy (`--distill-copies teacher`). Empty when a copy is taught
    /// with its clip's targets (`source`, the default).
    var copies: [[Int64: [Float]]] = []

    /// The target of clip `id` as recorded (`copy` nil) or of its speed-perturbed copy `copy`;
    /// a copy the teacher did not classify takes its clip's target.
    func target(_ id: Int64, copy: Int? = nil) -> [Float]? {
        if let copy, copies.indices.contains(copy), let p = copies[copy][id] { return p }
        return clips[id]
    }
}
