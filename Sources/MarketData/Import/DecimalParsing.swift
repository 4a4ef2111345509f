/// Strict, allocation-free parsing of decimal numbers from CSV bytes.
///
/// Why not `Double(String)` everywhere: building a `String` per cell dominates the import of
/// a million-row option chain. Why not a home-made digit loop alone: a naive
/// `mantissa * 10^k` rounds differently from `Double(String)` for long inputs, and a value
/// that does not round-trip exactly would make the store disagree with the file.
///
/// So: a validating scan of the grammar `[+-]digits[.digits][(e|E)[+-]digits]` (at least one
/// mantissa digit; no `nan`, `inf`, hex, spaces or thousands separators), then the Clinger
/// fast path — when the significant digits fit exactly in a Double (≤ 2^53) and the decimal
/// exponent is within ±22, one IEEE multiplication or division of two exact values is
/// correctly rounded — and otherwise the standard library's `Double(String)` on the
/// already-validated text. Either way the result is bit-for-bit the one `Double(String)` gives.
public enum DecimalParsing {
    /// Exact powers of ten representable as Double (10^0 … 10^22).
    @usableFromInline static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of `bytes` if it is a plain decimal number, else nil. May return ±infinity
    /// for out-of-range exponents (as `Double(String)` does): callers that need finite
    /// values check `isFinite`.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Double? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return parse(base, count: buffer.count)
        }
    }

    /// Same as `parse(_:)` over `count` bytes at `pointer`.
    public static func parse(_ pointer: UnsafePointer<UInt8>, count: Int) -> Double? {
        var index = 0
        guard count > 0 else { return nil }
        var negative = false
        if pointer[0] == 0x2D || pointer[0] == 0x2B {  // - +
            negative = pointer[0] == 0x2D
            index = 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var mantissaDigits = 0
        var exponent = 0
        var exact = true  // false once a significant digit does not fit in the 19-digit accumulator

        while index < count, pointer[index] &- 0x30 < 10 {
            let digit = UInt64(pointer[index] &- 0x30)
            mantissaDigits += 1
            if mantissa != 0 || digit != 0 {
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ digit
                    significantDigits += 1
                } else {
                    exact = false
                }
            }
            index += 1
        }
        if index < count, pointer[index] == 0x2E {  // .
            index += 1
            while index < count, pointer[index] &- 0x30 < 10 {
                let digit = UInt64(pointer[index] &- 0x30)
                mantissaDigits += 1
                if mantissa == 0 && digit == 0 {
                    exponent -= 1
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ digit
                    significantDigits += 1
                    exponent -= 1
                } else {
                    exact = false
                }
                index += 1
            }
        }
        guard mantissaDigits > 0 else { return nil }
        if index < count, pointer[index] | 0x20 == 0x65 {  // e E
            index += 1
            var exponentNegative = false
            if index < count, pointer[index] == 0x2D || pointer[index] == 0x2B {
                exponentNegative = pointer[index] == 0x2D
                index += 1
            }
            var written = 0
            var digits = 0
            while index < count, pointer[index] &- 0x30 < 10 {
                if written < 100_000 { written = written * 10 + Int(pointer[index] &- 0x30) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == count else { return nil }

        if mantissa == 0 && exact { return negative ? -0.0 : 0.0 }
        if exact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            let value = exponent < 0 ? m / powersOfTen[-exponent] : m * powersOfTen[exponent]
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
        return Double(text)
    }
}
