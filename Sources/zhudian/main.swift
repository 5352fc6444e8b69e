import Foundation
import ZhudianCLI

// The executable is only this: everything else lives in ZhudianCLI so tests can run it in-process.
exit(ZhudianMain.run(Array(CommandLine.arguments.dropFirst())))
