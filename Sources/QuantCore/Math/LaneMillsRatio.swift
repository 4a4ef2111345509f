extension LaneMath {
    /// R(d) = (1 - Φ(d))/φ(d) lane-wise for 0 ≤ d ≤ 38: `NormalDistribution`'s table with the
    /// same row choice and the same polynomial as `tabulatedUpperMillsRatio` (summed with fused
    /// multiply-adds, so the last bit may differ), each lane's row gathered by plain loads. A
    /// lane outside [0, 38] (or NaN) reads a finite padding row and gives a meaningless value:
    /// the caller declines it.
    @inlinable @inline(__always)
    static func upperMillsRatio(_ d: Lanes) -> Lanes {
        let y = 6 / (6 + d)
        // Each lane's row is ⌊y·64⌋ (the scalar path's choice), reached in double arithmetic:
        // y·64 - ½ rounded to an integer by the shift, which sits in the sum's low bits. At an
        // exact row boundary the tie may round down, to the row that ends there (valid there).
        // The 7 low bits index `laneMillsRatioTable`, which pads the table to 128 rows, so any
        // lane (y = 1 at d = 0 is row 64; d > 42 rows below 8; NaN its payload) reads inside it.
        let rows = bits((y * 64 - 0.5) + roundingShift) & 0x7F
        return laneMillsRatioTable.withUnsafeBufferPointer { table in
            let base = table.baseAddress!
            let (c0, c1, c2, c3) = (
                base + Int(rows[0]) &* 10, base + Int(rows[1]) &* 10, base + Int(rows[2]) &* 10,
                base + Int(rows[3]) &* 10
            )
            // Columns j and j + 1 of the four rows: each row's pair loaded at once, the 4×2
            // block transposed by two shuffles.
            func columns(_ j: Int) -> (Lanes, Lanes) {
                func pair(_ row: UnsafePointer<Double>) -> SIMD2<Double> {
                    UnsafeRawPointer(row + j).loadUnaligned(as: SIMD2<Double>.self)
                }
                let block = SIMD8(
                    lowHalf: Lanes(lowHalf: pair(c0), highHalf: pair(c1)),
                    highHalf: Lanes(lowHalf: pair(c2), highHalf: pair(c3)))
                return (block.evenHalf, block.oddHalf)
            }
            let (centre, scale) = columns(0)
            let (a0, a1) = columns(2)
            let (a2, a3) = columns(4)
            let (a4, a5) = columns(6)
            let (a6, a7) = columns(8)
            let z = (d - centre) * y * scale
            let z2 = z * z
            let low = muladd(z2, muladd(a3, z, a2), muladd(a1, z, a0))
            let high = muladd(z2, muladd(a7, z, a6), muladd(a5, z, a4))
            return muladd(z2 * z2, high, low)
        }
    }
}

/// `millsRatioTable` indexed by ⌊y·64⌋ itself, padded to 128 rows for `LaneMath.upperMillsRatio`:
/// rows 8...63 are the table's, row 64 repeats row 63 (y = 1), and the others repeat row 8 so
/// that a lane outside [0, 38] reads a finite row.
@usableFromInline let laneMillsRatioTable: [Double] = {
    let width = millsRatioTableRowLength
    let first = millsRatioTableFirstInterval
    func row(_ index: Int) -> ArraySlice<Double> {
        let source = min(max(index, first), 63) - first
        return millsRatioTable[source * width..<(source + 1) * width]
    }
    return (0..<128).flatMap { row($0) }
}()
