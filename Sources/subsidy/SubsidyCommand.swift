import ArgumentParser
import Foundation

@main
struct SubsidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy",
        abstract: "Checks support measures against the EAEU and WTO subsidy rules.",
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, ClassifyCommand.self, LintCommand.self, DeadlinesCommand.self, ScheduleCommand.self,
            SchemaCommand.self, RulesCommand.self, ExplainCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command; bad usage exits 2 (the contract), not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure || code.rawValue == 1 || code.rawValue == 2 {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(2)
        }
    }
}
