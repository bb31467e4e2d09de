/// A CSV manifest for `--layout csv`: one row per clip with its path and label, optionally
/// its speaker and gender, and any other columns (kept as attributes).
///
/// Column names are matched without regard to case: path = `path`, `file`, `filename`,
/// `file_path`, `filepath`, `audio`, `audio_path`, `wav`; label = `label`, `emotion`,
/// `class`; speaker = `speaker`, `speaker_id`, `actor`, `actor_id`; gender = `gender`, `sex`.
/// Paths are relative to the manifest's folder unless absolute.
public struct CSVManifest: Sendable, Equatable {
    /// One usable row.
    public struct Entry: Sendable, Equatable {
        /// The path as written in the manifest.
        public var path: String
        /// The label, speaker, gender and extra columns of the row.
        public var label: ClipLabel
        /// The row's line number (1-based).
        public var line: Int
    }

    /// A row that cannot become a clip, with the reason.
    public struct Rejection: Sendable, Equatable {
        /// The path written in the row (may be empty).
        public var path: String
        /// Why the row is unusable.
        public var reason: String
        /// The row's line number (1-based).
        public var line: Int
    }

    /// The usable rows, in manifest order, each path once.
    public var entries: [Entry]
    /// Rows without a path or label, or repeating an earlier path.
    public var rejections: [Rejection]

    static let pathColumns = ["path", "file", "filename", "file_name", "file_path", "filepath", "audio", "audio_path", "wav"]
    static let labelColumns = ["label", "emotion", "class"]
    static let speakerColumns = ["speaker", "speaker_id", "actor", "actor_id"]
    static let genderColumns = ["gender", "sex"]

    /// Parses a manifest's text.
    ///
    /// - Parameter source: the manifest's path, named in errors.
    /// - Throws: ``CorpusError`` `.missingColumns` when the header lacks a path or label
    ///   column, `.malformedManifest` when the file is empty or a quote is never closed.
    public static func parse(_ text: String, source: String) throws(CorpusError) -> CSVManifest {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let rows = try CSVReader.rows(body, source: source)
        guard let header = rows.first else {
            throw CorpusError(.malformedManifest, path: source, "is empty: expected a header line with path and label columns")
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        let pathIndex = column(pathColumns)
        let labelIndex = column(labelColumns)
        var missing: [String] = []
        if pathIndex == nil { missing.append("path") }
        if labelIndex == nil { missing.append("label") }
        guard let pathIndex, let labelIndex else {
            throw CorpusError(
                .missingColumns, path: source,
                "has no \(missing.joined(separator: " or ")) column (header: \(names.joined(separator: ", "))); "
                    + "a manifest needs path and label, optionally speaker and gender")
        }
        let speakerIndex = column(speakerColumns)
        let genderIndex = column(genderColumns)
        let known = Set([pathIndex, labelIndex, speakerIndex, genderIndex].compactMap { $0 })
        var entries: [Entry] = []
        var rejections: [Rejection] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            func value(_ index: Int?) -> String {
                guard let index, index < row.fields.count else { return "" }
                return row.fields[index].trimmingWhitespace()
            }
            let path = value(pathIndex)
            guard !path.isEmpty else {
                rejections.append(Rejection(path: "", reason: "\(source) line \(row.line): no path", line: row.line))
                continue
            }
            let original = value(labelIndex)
            guard let label = LabelMapper.canonical(original) else {
                rejections.append(
                    Rejection(path: path, reason: "unlabelled: the label column is empty (\(source) line \(row.line))", line: row.line))
                continue
            }
            if let first = seen[path] {
                rejections.append(
                    Rejection(path: path, reason: "listed again at \(source) line \(row.line) (first at line \(first))", line: row.line))
                continue
            }
            seen[path] = row.line
            var attributes: [String: String] = [:]
            for (index, name) in names.enumerated() where !known.contains(index) && !name.isEmpty {
                let text = value(index)
                if !text.isEmpty { attributes[name] = text }
            }
            let speaker = value(speakerIndex)
            entries.append(
                Entry(
                    path: path,
                    label: ClipLabel(
                        label: label, originalLabel: original, speaker: speaker.isEmpty ? nil : speaker,
                        gender: Gender(loose: value(genderIndex)), attributes: attributes),
                    line: row.line))
        }
        return CSVManifest(entries: entries, rejections: rejections)
    }
}
