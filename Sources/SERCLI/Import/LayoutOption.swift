import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERCorpus

/// `--layout`: a corpus layout, or `auto` to recognise it from the file names.
enum LayoutOption: String, CaseIterable, ExpressibleByArgument {
    case auto, ravdess, tess, emodb
    case cremaD = "crema-d"
    case savee, folders, csv

    /// The layout asked for; `nil` for auto.
    var layout: CorpusLayout? { CorpusLayout(rawValue: rawValue) }
}
