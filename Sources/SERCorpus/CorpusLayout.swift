/// The file-naming conventions `ser import` understands.
///
/// Each public corpus encodes its labels in its file names; `folders` takes the parent
/// folder's name as the label and `csv` reads a manifest. The raw values are the ones the
/// database stores in `datasets.layout` and the CLI accepts after `--layout`.
public enum CorpusLayout: String, CaseIterable, Sendable, Codable {
    case ravdess
    case tess
    case emodb
    case cremaD = "crema-d"
    case savee
    case folders
    case csv

    /// The layouts recognised from file names, in the order detection prefers them.
    public static let namedCorpora: [CorpusLayout] = [.ravdess, .cremaD, .emodb, .savee, .tess]

    /// Reads the label of the file at `relativePath` (below the corpus root, `/`-separated)
    /// under this layout.
    ///
    /// - Throws: ``CorpusError`` `.unlabelled` when the name carries no label; always for
    ///   `.csv`, whose labels come from the manifest (``CSVManifest``).
    public func label(forRelativePath relativePath: String) throws(CorpusError) -> ClipLabel {
        switch self {
        case .ravdess: try RAVDESSName.parse(relativePath)
        case .tess: try TESSName.parse(relativePath)
        case .emodb: try EmoDBName.parse(relativePath)
        case .cremaD: try CREMADName.parse(relativePath)
        case .savee: try SAVEEName.parse(relativePath)
        case .folders: try FolderName.parse(relativePath)
        case .csv:
            throw CorpusError(.unlabelled, path: relativePath, "is not listed in the CSV manifest")
        }
    }
}
