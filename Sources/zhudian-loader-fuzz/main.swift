import Foundation
import ZhudianScenario

// libFuzzer over the scenario loader: coverage-guided byte mutations of YAML, straight into
// ScenarioLoader.load(data:file:), where a trap, a crash or a hang is a finding (libFuzzer
// saves the input). The subprocess fuzzer (`make fuzz`) covers the whole tool; this one
// goes deep into the loader.
//
//   make fuzz-loader                         # builds with -sanitize=fuzzer and runs 5 minutes
//
// Built without the sanitizer (as `swift build` does), libFuzzer is not linked in: the tool
// then says so and exits 2.

/// libFuzzer's entry for programs that keep their own `main`.
typealias FuzzerDriver = @convention(c) (
    UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// One input: loaded and its diagnostics rendered, as `validate` does; every outcome is fine
/// except a crash, which libFuzzer reports.
func loadOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        let loaded = try ScenarioLoader.load(data: bytes, file: "fuzz.yaml")
        for w in loaded.warnings { _ = w.render(.en) }
    } catch {
        for d in error.diagnostics { _ = d.render(.zh) }
    }
    return 0
}

guard let symbol = dlsym(nil, "LLVMFuzzerRunDriver") else {
    FileHandle.standardError.write(Data("error: libFuzzer is not linked in; build with -Xswiftc -sanitize=fuzzer (make fuzz-loader)\n".utf8))
    exit(2)
}
let driver = unsafeBitCast(symbol, to: FuzzerDriver.self)
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(driver(&argc, &argv) { data, size in loadOne(data, size) })
