import QuantCore

#if arch(x86_64)
    import _Builtin_intrinsics.intel
#endif

/// √v lane-wise, each lane the correctly rounded IEEE square root.
///
/// `SIMD4.squareRoot()`, and `Double.squareRoot()` too, compile here to one scalar square root
/// per lane, each behind a branch to the C library's `sqrt` for negative input (the
/// disassembly shows both). On x86-64 this uses SSE2's packed square root (every x86-64 has it)
/// on each half. Other architectures take the lanes one at a time.
///
/// The result is the same either way: IEEE square roots are correctly rounded.
@inline(__always)
func laneSquareRoot(_ v: Lanes) -> Lanes {
    #if arch(x86_64)
        let low = _mm_sqrt_pd(v.lowHalf)
        let high = _mm_sqrt_pd(v.highHalf)
        return Lanes(lowHalf: low, highHalf: high)
    #else
        return Lanes(v[0].squareRoot(), v[1].squareRoot(), v[2].squareRoot(), v[3].squareRoot())
    #endif
}
