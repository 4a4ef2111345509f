import Foundation

/// Where the store lives: `--db PATH` if given, else `$VIXSHIELD_DB`, else the user's data
/// directory (`$XDG_DATA_HOME/vixshield/vixshield.sqlite`, default
/// `~/.local/share/vixshield/vixshield.sqlite`; on macOS `~/Library/Application Support/VixShield`).
public enum StoreLocation {
    public static let environmentVariable = "VIXSHIELD_DB"

    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        #if os(macOS)
            let base = URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent("Library/Application Support/VixShield")
        #else
            let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
            let base = URL(fileURLWithPath: dataHome).appendingPathComponent("vixshield")
        #endif
        return base.appendingPathComponent("vixshield.sqlite").path
    }
}
