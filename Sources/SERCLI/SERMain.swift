import ArgumentParser
import Foundation
import SERAudio
import SERPlot
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
            fail(error.description)
        } catch let error as PlotError {
            fail(error.description)
        } catch let error as PlotCommandError {
            fail(error.description)
        } catch let error as AudioError {
            fail(error.description)
        } catch {
            SER.exit(withError: error)
        }
    }

    /// Prints `ser: error: MESSAGE` on standard error and exits with status 1.
    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("ser: error: \(message)\n".utf8))
        exit(1)
    }
}
