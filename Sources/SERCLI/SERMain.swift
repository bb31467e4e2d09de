import ArgumentParser
import Foundation
import SERStore

/// The process entry point: runs `ser` and turns every error into a clear message on
/// standard error and a non-zero exit code.
public enum SERMain {
    /// Exit codes: 0 success, 1 the command could not do its job, 64 usage error.
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try SER.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("ser: error: \(error.description)\n".utf8))
            exit(1)
        } catch {
            SER.exit(withError: error)
        }
    }
}
