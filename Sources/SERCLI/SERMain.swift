import ArgumentParser
import Foundation

/// The process entry point: runs `ser` and turns every error into a clear message on
/// standard error and a non-zero exit code.
public enum SERMain {
    /// Exit codes: 0 success; 1 the command could not do its job (`ser: error: PATH: reason`);
    /// 64 a usage error (ArgumentParser's message and help); 130 interrupted.
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try SER.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch {
            // Parsing, validation, help and explicit exit codes: ArgumentParser's own handling.
            if error is ExitCode || error is ValidationError || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
                SER.exit(withError: error)
            }
            FileHandle.standardError.write(Data("ser: error: \(error)\n".utf8))
            // A command stopped by Ctrl-C or SIGTERM: 128 + the signal, as a shell reports it.
            exit(InterruptFlag.exitStatus ?? 1)
        }
    }
}
