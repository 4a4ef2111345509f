/// Four doubles processed together: the chain-slice kernel's unit of work (one AVX register).
/// The lane code uses multiplies, adds, fused multiply-adds (`muladd`), bit operations,
/// comparisons and blends on them only: no lane-wise rounding or conversion, no `.!` or `.&` on
/// masks and no blend with a scalar, which Swift compiles lane by lane. QuantCore is compiled
/// for the building machine's processor (`-target-cpu native`, see Package.swift), so a fused
/// multiply-add is one instruction where the processor has one; it is correctly rounded on
/// every machine (in software where there is none), so the lane arithmetic gives the same bits
/// everywhere, only slower without. (What calls the C library, the scalar path and the
/// discount factors, is as exact as that library.)
public typealias Lanes = SIMD4<Double>

/// Lane-wise logarithm and normal density for `Lanes`, accurate to a few ulp on the domains
/// stated; callers check the domain themselves (the kernel sends other lanes to the scalar path).
/// Formulas: fdlibm's argument reductions (Sun Microsystems, e_exp.c and e_log.c), with
/// Taylor polynomials instead of fdlibm's rational forms (no division in `exp`), summed by
/// Estrin's scheme (shorter dependency chains than Horner's; the terms fall fast enough that
/// the order changes nothing visible).
@usableFromInline
enum LaneMath {
    @usableFromInline typealias Bits = SIMD4<UInt64>

    /// 1.5·2⁵²: adding it rounds |v| < 2⁵¹ to the nearest integer, which then sits in the low
    /// bits of the sum's representation.
    @usableFromInline static let roundingShift = 6_755_399_441_055_744.0
    @usableFromInline static let log2e = 1.442_695_040_888_963_4
    /// ln 2 = ln2High + ln2Low with ln2High's last 21 bits zero, so k·ln2High is exact for
    /// |k| < 2²¹ (fdlibm's split).
    @usableFromInline static let ln2High = 6.931_471_803_691_238_164_90e-01
    @usableFromInline static let ln2Low = 1.908_214_929_270_587_700_02e-10

    @inlinable @inline(__always)
    static func bits(_ v: Lanes) -> Bits { unsafeBitCast(v, to: Bits.self) }

    @inlinable @inline(__always)
    static func lanes(_ b: Bits) -> Lanes { unsafeBitCast(b, to: Lanes.self) }

    /// |v|, lane-wise (the sign bit cleared).
    @inlinable @inline(__always)
    static func magnitude(_ v: Lanes) -> Lanes { lanes(bits(v) & 0x7FFF_FFFF_FFFF_FFFF) }

    /// a·b + c rounded once.
    @inlinable @inline(__always)
    static func muladd(_ a: Lanes, _ b: Lanes, _ c: Lanes) -> Lanes { c.addingProduct(a, b) }

    @inlinable @inline(__always)
    static func muladd(_ a: Lanes, _ b: Double, _ c: Double) -> Lanes {
        Lanes(repeating: c).addingProduct(a, Lanes(repeating: b))
    }

    /// e^(a + b) for a in [-700, 0] and |b| ≤ 1e-3 (b a small correction to a): a = k·ln 2 + r,
    /// |r| ≤ ln 2/2 + |b|, e^r by its Taylor series to r¹³ (the first omitted term is below
    /// 5e-18 of the sum), 2^k built in the exponent field. a - k·ln2High is exact by Sterbenz's
    /// lemma (k is a/ln 2 rounded); the result is within about 1 ulp.
    @inlinable @inline(__always)
    static func exp(_ a: Lanes, plus b: Lanes) -> Lanes {
        let shifted = muladd(a, log2e, roundingShift)
        let k = shifted - roundingShift
        let r = muladd(-k, Lanes(repeating: ln2High), a) + muladd(-k, Lanes(repeating: ln2Low), b)
        // 2^k: k sits in the low bits of `shifted`; k + 1023 in the exponent field is 2^k for
        // k ≥ -1022, which a ≥ -700 guarantees.
        let scale = lanes((bits(shifted) &- bits(Lanes(repeating: roundingShift)) &+ 1023) &<< 52)
        let r2 = r * r
        let r4 = r2 * r2
        let r8 = r4 * r4
        // e^r - 1 - r = r²·P(r), P's coefficients 1/k! for k = 2...13.
        let p01 = muladd(r, 1.0 / 6, 1.0 / 2)
        let p23 = muladd(r, 1.0 / 120, 1.0 / 24)
        let p45 = muladd(r, 1.0 / 5_040, 1.0 / 720)
        let p67 = muladd(r, 1.0 / 362_880, 1.0 / 40_320)
        let p89 = muladd(r, 1.0 / 39_916_800, 1.0 / 3_628_800)
        let p1011 = muladd(r, 1.0 / 6_227_020_800, 1.0 / 479_001_600)
        let low = muladd(r4, muladd(r2, p67, p45), muladd(r2, p23, p01))
        let high = muladd(r2, p1011, p89)
        let tail = r2 * muladd(r8, high, low)
        return scale * (1 + (r + tail))
    }

    /// φ(d) = e^{-d²/2}/√(2π) for |d| ≤ 37. d²'s rounding is recovered by a fused multiply-add
    /// and passed to `exp`, as `NormalDistribution.pdf` does, so the density keeps its relative
    /// accuracy in the tails instead of losing d²·ε/2 to the rounding of d².
    @inlinable @inline(__always)
    static func normalDensity(_ d: Lanes) -> Lanes {
        let square = d * d
        let error = muladd(d, d, -square)
        return NormalDistribution.inverseSqrtTwoPi * exp(-0.5 * square, plus: -0.5 * error)
    }

    /// ln(a/b) for a quotient q = fl(a/b) that is a normal double, accurate to a few ulp of
    /// the result even where a ≈ b, as `logRatio` is: q's rounding, e = a - q·b, is found
    /// exactly (the product's rounding by a fused multiply-add, and a minus the product is exact
    /// by Sterbenz's lemma, the product being within an ulp of a), and ln(a/b) = ln q + e/a
    /// to within ε².
    @inlinable @inline(__always)
    static func logRatio(_ a: Double, _ b: Lanes, quotient q: Lanes) -> Lanes {
        let product = q * b
        let remainder = (a - product) - muladd(q, b, -product)
        return muladd(remainder, Lanes(repeating: 1 / a), log(q))
    }

    /// ln v for normal positive v (other lanes give meaningless values): v = 2^e·m with
    /// m in [√½, √2), ln m = 2u(1 + u²/3 + … + u²⁰/21) with u = (m - 1)/(m + 1), |u| ≤ 0.172
    /// (the first omitted term is below 4e-18 of the sum); e·ln 2 added in two parts. Absolute
    /// error about 2 ulp of max(|ln v|, 0.35).
    @inlinable @inline(__always)
    static func log(_ v: Lanes) -> Lanes {
        let b = bits(v)
        let mantissa = lanes((b & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        // The biased exponent as a double, exactly: its bits OR-ed into 2⁵²'s mantissa.
        let biased = lanes((b &>> 52) | 0x4330_0000_0000_0000) - 4_503_599_627_370_496.0
        let large = mantissa .> 1.414_213_562_373_095_1
        let m = mantissa.replacing(with: 0.5 * mantissa, where: large)
        let e = (biased - 1023).replacing(with: biased - 1022, where: large)
        let f = m - 1  // exact: m is within a factor 2 of 1
        let u = f / (2 + f)
        let z = u * u
        let z2 = z * z
        let z4 = z2 * z2
        let z8 = z4 * z4
        let q01 = muladd(z, 1.0 / 5, 1.0 / 3)
        let q23 = muladd(z, 1.0 / 9, 1.0 / 7)
        let q45 = muladd(z, 1.0 / 13, 1.0 / 11)
        let q67 = muladd(z, 1.0 / 17, 1.0 / 15)
        let q89 = muladd(z, 1.0 / 21, 1.0 / 19)
        let series = z * muladd(z8, q89, muladd(z4, muladd(z2, q67, q45), muladd(z2, q23, q01)))
        let twoU = 2 * u
        return muladd(e, Lanes(repeating: ln2High), muladd(e, Lanes(repeating: ln2Low), muladd(twoU, series, twoU)))
    }
}
