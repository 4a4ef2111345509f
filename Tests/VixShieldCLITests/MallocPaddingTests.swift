import Testing

@testable import VixShieldCLI

/// The executable pads glibc's heap growth for its batch commands, never for `serve`. (The
/// test process itself gets the padding, as the executable does; it changes no result.)
@Suite struct MallocPaddingTests {
    @Test func batchCommandsPadAndServeDoesNot() {
        #expect(!VixShieldCommand.prepareProcess(arguments: ["vixshield", "serve", "--port", "0"]))
        #if canImport(Glibc)
        // glibc accepts the option: a batch command (or none) gets the padding.
        #expect(VixShieldCommand.prepareProcess(arguments: ["vixshield", "backtest", "--json"]))
        #expect(VixShieldCommand.prepareProcess(arguments: ["vixshield"]))
        #else
        // Elsewhere there is no such option: nothing is set, and nothing claims to be.
        #expect(!VixShieldCommand.prepareProcess(arguments: ["vixshield", "backtest", "--json"]))
        #endif
    }
}
