/// Recognises a corpus's layout from the names of its audio files (`--layout auto`).
///
/// A named corpus (RAVDESS, CREMA-D, EmoDB, SAVEE, TESS) is chosen when its parser accepts
/// at least ``threshold`` of the files; the best-scoring one wins, ties going to the order of
/// ``CorpusLayout/namedCorpora``. Otherwise `folders` is chosen when at least ``threshold``
/// of the files sit in a subfolder. Otherwise nothing matches.
public enum LayoutDetector {
    /// The share of files a layout must explain to be chosen (0.5).
    public static let threshold = 0.5

    /// How many of `relativePaths` each layout accepts.
    public static func matchCounts(_ relativePaths: [String]) -> [CorpusLayout: Int] {
        var counts: [CorpusLayout: Int] = [:]
        for layout in CorpusLayout.namedCorpora + [.folders] {
            counts[layout] = relativePaths.reduce(0) { count, path in
                (try? layout.label(forRelativePath: path)) == nil ? count : count + 1
            }
        }
        return counts
    }

    /// The layout of a corpus whose audio files are at `relativePaths`.
    ///
    /// - Parameter root: the corpus root, named in the error.
    /// - Throws: ``CorpusError`` `.noLayoutMatch` when there are no files or no layout
    ///   explains enough of them.
    public static func detect(_ relativePaths: [String], root: String) throws(CorpusError) -> CorpusLayout {
        guard !relativePaths.isEmpty else {
            throw CorpusError(.noLayoutMatch, path: root, "holds no audio files (looked for .wav .flac .ogg .aiff ...)")
        }
        let counts = matchCounts(relativePaths)
        let needed = Double(relativePaths.count) * threshold
        var best: (layout: CorpusLayout, count: Int)?
        for layout in CorpusLayout.namedCorpora {
            let count = counts[layout] ?? 0
            if Double(count) >= needed, count > (best?.count ?? 0) { best = (layout, count) }
        }
        if let best { return best.layout }
        if Double(counts[.folders] ?? 0) >= needed { return .folders }
        let example = relativePaths.prefix(3).joined(separator: ", ")
        throw CorpusError(
            .noLayoutMatch, path: root,
            "no layout matches its \(relativePaths.count) audio files (e.g. \(example)): the names follow none of "
                + "RAVDESS, TESS, EmoDB, CREMA-D, SAVEE, and the files are not in label folders; "
                + "use --layout csv with a manifest, or put the files in one folder per label")
    }
}
