import ArgumentParser

@main
struct SubsidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy",
        abstract: "Checks support measures against the EAEU and WTO subsidy rules.",
        version: "0.1.0",
        subcommands: [ValidateCommand.self]
    )
}
