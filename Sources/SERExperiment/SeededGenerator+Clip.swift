import SERCore

extension SeededGenerator {
    /// The random stream of training clip `index` in `epoch`, for one kind of draw (`salt`
    /// keeps the augmentation masks and the copy choice independent). It depends only on
    /// (seed, salt, epoch, index), so a resumed run replays exactly the draws an
    /// uninterrupted one makes.
    static func forClip(seed: UInt64, salt: UInt64, epoch: Int, index: Int) -> SeededGenerator {
        SeededGenerator(seed: seed ^ salt).derived(UInt64(epoch) &* 1_000_003 &+ UInt64(index))
    }
}
