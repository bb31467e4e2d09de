import Foundation

/// How the work was asked for, as recorded with every run (`runs.command_line`): the front
/// end says it, the services never read the process's arguments.
public struct Invocation: Sendable, Equatable {
    /// The command as its user typed it (shell-quoted), or a description such as
    /// `SERWorkbench.train` for a library caller.
    public var commandLine: String

    public init(commandLine: String) {
        self.commandLine = commandLine
    }

    /// `arguments` joined the way a POSIX shell would need them quoted.
    public init(arguments: [String]) {
        self.commandLine = arguments.map { argument in
            argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,@+".contains($0) }
                ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
