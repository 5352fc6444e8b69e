import ArgumentParser
import Foundation
import ZhudianCore

/// The `zhudian` command line, callable in-process (tests) or from `main.swift`.
public enum ZhudianMain {
    /// Runs the tool with `arguments` (without the program name) and returns the exit code.
    ///
    /// Every error becomes one `error:` line on standard error and an exit code of SPEC §5;
    /// help and version go to standard output with exit code 0.
    public static func run(
        _ arguments: [String], console: Console = .standard(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        let context = CLIContext(
            console: console, language: Language(lang: environment["LANG"]), environment: environment)
        return CLIContext.$current.withValue(context) {
            do {
                var command = try ZhudianCommand.parseAsRoot(arguments)
                try command.run()
                return Exit.done
            } catch let exit as ExitCode {
                return exit.rawValue
            } catch {
                let code = ZhudianCommand.exitCode(for: error)
                if code == .success {
                    console.print(ZhudianCommand.fullMessage(for: error))
                    return Exit.done
                }
                let message = ZhudianCommand.message(for: error)
                for line in message.split(separator: "\n", omittingEmptySubsequences: true) {
                    let text = String(line)
                    console.error(text.hasPrefix("error:") ? text : "error: " + text)
                }
                console.error(CLIMessage.seeHelp.render(context.language))
                return Exit.badInput
            }
        }
    }
}

/// The root command.
struct ZhudianCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhudian",
        abstract: "Plan resident safety supervision (驻点监督) rosters: cross-assignment rings, two people per site, overlapping handovers.",
        discussion: """
            Examples:
              zhudian validate Scenarios/taierzhuang-2023.yaml
              zhudian plan Scenarios/taierzhuang-2023.yaml -o out/2023
              zhudian check Scenarios/taierzhuang-2022.yaml Scenarios/taierzhuang-2022-notice.json
              zhudian explain Scenarios/infeasible-leave.yaml
              zhudian next Scenarios/taierzhuang-2022.yaml Scenarios/taierzhuang-2022-notice.json --set rules.structure=ring -o 2023.yaml
              zhudian diff out/a/roster.json out/b/roster.json --scenario 2023.yaml
              zhudian whatif Scenarios/taierzhuang-2023.yaml --baseline out/2023/roster.json --drop-person SDS-01
              zhudian generate --units 30 --terms 2 --seed 7 -o county.yaml
              zhudian stats Scenarios/taierzhuang-2022.yaml Scenarios/taierzhuang-2022-notice.json logs/*.xlsx --month 2022-09

            Exit codes: 0 done; 1 infeasible or violations found; 2 bad command line or
            scenario; 3 time limit reached with no roster; 4 file system error.
            Messages are in Chinese when LANG starts with zh.
            """,
        version: ZhudianVersion.string,
        subcommands: [
            ValidateCommand.self, CheckCommand.self, PlanCommand.self, ExportCommand.self, ExplainCommand.self,
            GenerateCommand.self, NextCommand.self, DiffCommand.self, WhatIfCommand.self, StatsCommand.self,
        ])
}

/// The tool's version.
public enum ZhudianVersion {
    /// Semantic version of this build.
    public static let string = "0.1.0"
}
