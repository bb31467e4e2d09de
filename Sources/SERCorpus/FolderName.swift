/// The `folders` layout: the name of the folder holding a file is its label
/// (`happy/clip1.wav` → happy), mapped through ``LabelMapper``.
public enum FolderName {
    /// Reads the label from `relativePath`'s parent folder.
    ///
    /// - Throws: ``CorpusError`` `.unlabelled` for a file directly in the corpus root.
    public static func parse(_ relativePath: String) throws(CorpusError) -> ClipLabel {
        guard let folder = relativePath.parentFolderName, let label = LabelMapper.canonical(folder) else {
            throw CorpusError(
                .unlabelled, path: relativePath,
                "is not inside a label folder (the folders layout takes the parent folder's name as the label)")
        }
        return ClipLabel(label: label, originalLabel: folder)
    }
}
