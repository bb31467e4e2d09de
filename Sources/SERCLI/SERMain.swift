import ArgumentParser
import Foundation

/// The process entry point: runs `ser` and turns every error into a clear message on
/// standard error and a non-zero exit code.
public enum SERMain {
    /// Exit codes: 0 success; 1 the command could not do its job (`ser: error: PATH: reason`);
    /// 64 a usage error (ArgumentParser's message and help); 130 interrupted.
    public static func run(_ arguments: [String]? = nil) -> Never {
        Console.install()
        do {
            var command = try SER.parseAsRoot(arguments)
            try command.run()
            finish(0)
        } catch {
            // Parsing, validation, help and explicit exit codes: ArgumentParser's message and
            // code, written through Console (never a trap on a full or closed stream).
            if error is ExitCode || error is ValidationError || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
                let code = SER.exitCode(for: error)
                let message = SER.fullMessage(for: error)
                if !message.isEmpty {
                    if code == .success { Console.out(message + "\n") } else { Console.error(message + "\n") }
                }
                finish(code.rawValue)
            }
            Console.error("ser: error: \(error)\n")
            finish(1)
        }
    }

    /// Checkpoints the databases, flushes standard output and exits with `code`, or with the
    /// status ``Console/finish()`` gives when the output could not be written.
    private static func finish(_ code: Int32) -> Never {
        OpenStores.checkpointAll()
        let outputFailure = Console.finish()
        exit(code == 0 ? outputFailure ?? 0 : code)
    }
}
