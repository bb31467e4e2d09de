import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser datasets`: the imported datasets and their versions.
    struct Datasets: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List datasets and their versions.",
            discussion: """
                Examples:
                  ser datasets
                  ser datasets --json
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("Show only this dataset.", valueName: "name"))
        var name: String?

        func run() throws {
            let store = try options.openStore(readOnly: true)
            let listings = try DatasetListing.read(store, name: name)
            if let name, listings.isEmpty {
                throw StoreError(.invalidArgument, path: store.path, "no dataset named '\(name)'")
            }
            if options.json {
                try printJSON(listings)
                return
            }
            if options.quiet { return }
            if listings.isEmpty {
                print("No datasets yet: run ser import PATH.")
                return
            }
            for listing in listings {
                print("\(listing.name)  (\(listing.layout), \(listing.storedClips) clips stored)  \(listing.rootPath)")
                if !listing.rejected.isEmpty {
                    let shown = name == nil ? listing.rejected.prefix(3) : listing.rejected.prefix(listing.rejected.count)
                    print("  \(listing.rejected.count) files rejected:")
                    for rejection in shown { print("    \(rejection.path): \(rejection.reason)") }
                    if shown.count < listing.rejected.count { print("    ... (ser datasets \(listing.name) lists them all)") }
                }
                if listing.versions.isEmpty {
                    print("  no complete version yet: re-run ser import to finish")
                }
                for version in listing.versions {
                    let labels = version.labels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    print(
                        "  \(version.latest ? "*" : " ") \(version.hash.prefix(12))  \(version.clipCount) clips  "
                            + "\(version.speakers) speakers  \(Format.duration(version.seconds))  \(version.createdAt)")
                    print("      \(labels)")
                }
            }
        }
    }
}
