import Foundation
import GLPK
import ZhudianCLI

// The executable is only this: everything else lives in ZhudianCLI so tests can run it in-process.
// The heap policy is the process's, so it is set here and not in a library.
ProcessHeap.keepFreedMemory()
exit(ZhudianMain.run(Array(CommandLine.arguments.dropFirst())))
