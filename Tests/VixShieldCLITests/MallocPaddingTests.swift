import Testing

@testable import VixShieldCLI

/// The executable pads glibc's heap growth for its batch commands, never for `serve`.
@Suite struct MallocPaddingTests {
    @Test func batchCommandsPadAndServeDoesNot() {
        #expect(!VixShieldCommand.prepareProcess(arguments: ["vixshield", "serve", "--port", "0"]))
        #if canImport(Glibc)
        // glibc accepts the option: a batch command (or none) gets the padding.
        #expect(VixShieldCommand.prepareProcess(arguments: ["vixshield", "backtest", "--json"]))
        #expect(VixShieldCommand.prepareProcess(arguments: ["vixshield"]))
        #expect(MallocPadding.topPad == 64 << 20)
        #endif
    }
}
