import SERReports
import SERWorkbench
import ArgumentParser
import SERPlot
import SERCore
import SERStore

extension SER.Plot {
    /// `ser plot features --dataset D [--config ID] [--feature NAME]...`.
    struct Features: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Distribution of chosen features per emotion (box plots of each clip's mean over frames), from cached features.")

        @Option(help: ArgumentHelp("Dataset name.", valueName: "dataset"))
        var dataset: String

        @Option(help: ArgumentHelp("Feature recipe id (default: the one with the most cached clips of the dataset).", valueName: "id"))
        var config: Int64?

        @Option(
            name: .customLong("feature"),
            help: ArgumentHelp("A feature name to show (repeatable; default: the first six).", valueName: "name"))
        var featureNames: [String] = []

        @Flag(help: "Violin plots (kernel density) instead of box plots.")
        var violin = false

        func validate() throws {
            guard featureNames.count <= 12 else {
                throw ValidationError("--feature can be given at most 12 times (got \(featureNames.count)).")
            }
        }

        @Flag(help: "List every feature column of the recipe (the names --feature accepts) and exit.")
        var list = false

        @OptionGroup var classes: ClassOrderOption
        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let store = try options.openStore()
            let clips = try DatasetFigures.clips(dataset, store: store)
            let (recipe, tensors) = try CachedFeatures.load(config: config, clips: clips, dataset: dataset, store: store)
            if list {
                // One column per line: index, name; what --feature accepts.
                if options.json {
                    try printJSON(FeatureList(recipe: recipe.id, name: recipe.name, features: recipe.featureNames))
                } else if !options.quiet {
                    print("Recipe \(recipe.id) (\(recipe.name)): \(recipe.featureNames.count) feature columns")
                    for (i, name) in recipe.featureNames.enumerated() { print("\(i)\t\(name)") }
                }
                return
            }
            var columns: [Int] = []
            for name in featureNames {
                guard let index = recipe.featureNames.firstIndex(of: name) else {
                    throw ValidationError(
                        "--feature \(name) is not a feature of recipe \(recipe.id) (\(recipe.name)); `ser plot features --dataset \(dataset) --list` names all \(recipe.featureNames.count): \(Self.summary(recipe.featureNames))"
                    )
                }
                columns.append(index)
            }
            if columns.isEmpty { columns = Array(0..<min(6, recipe.dims)) }
            let figure = DatasetFigures.features(
                dataset, clips: clips, config: recipe, tensors: tensors, columns: columns, violin: violin,
                order: try classes.order(clips.filter { tensors[$0.id] != nil }.map(\.label)))
            try output.write(figure, defaultBase: "features-\(FileStem.safe(dataset))", options: options)
        }

        /// `--list --json`.
        struct FeatureList: Encodable {
            var recipe: Int64
            var name: String
            var features: [String]
        }

        /// Feature names grouped by family: `mfcc_0…mfcc_39, chroma_0…chroma_11, rms`.
        static func summary(_ names: [String]) -> String {
            var groups: [(prefix: String, first: String, last: String)] = []
            for name in names {
                let prefix = name.range(of: #"_\d+$"#, options: .regularExpression).map { String(name[..<$0.lowerBound]) } ?? name
                if let last = groups.last, last.prefix == prefix, prefix != name {
                    groups[groups.count - 1].last = name
                } else {
                    groups.append((prefix, name, name))
                }
            }
            return groups.map { $0.first == $0.last ? $0.first : "\($0.first)…\($0.last)" }.joined(separator: ", ")
        }

    }
}
