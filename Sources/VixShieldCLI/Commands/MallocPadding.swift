#if canImport(Glibc)
import Glibc
#endif

/// glibc's malloc grows a worker thread's heap by exactly what each allocation needs, with an
/// `mprotect` call and fresh zeroed pages each time. A cached backtest decodes its sessions and
/// runs its books on worker threads, allocating a few hundred megabytes in small pieces: that
/// growth was about a sixth of its wall time (perf: `mprotect`, page faults). Padding each growth
/// (`M_TOP_PAD`, 64 MiB of address space, paid in memory only as it is touched) removes most of
/// it; the peak resident size of a run is unchanged (measured with `/usr/bin/time`).
///
/// Only the executable's batch commands set it (`VixShieldCommand.start`): a long-running server
/// would keep the padding of every arena after trimming. Allocation policy changes no number.
enum MallocPadding {
    static let topPad: Int32 = 64 << 20
    /// `M_TOP_PAD` in glibc's `<malloc.h>`, which the Glibc module does not import.
    static let optionTopPad: Int32 = -2

    /// Sets the padding; false where the C library has no such option (not glibc) or refuses it.
    @discardableResult
    static func enable() -> Bool {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        return unsafeBitCast(symbol, to: Mallopt.self)(optionTopPad, topPad) == 1
        #else
        return false
        #endif
    }
}
