/// Neumaier (improved Kahan) compensated sum, so P&L totals and return moments do not
/// lose digits on long backtests. (QuantCore's equivalent helper is module-internal.)
func compensatedSum<S: Sequence>(_ values: S) -> Double where S.Element == Double {
    var sum = 0.0
    var c = 0.0
    for v in values {
        let t = sum + v
        if abs(sum) >= abs(v) { c += (sum - t) + v } else { c += (v - t) + sum }
        sum = t
    }
    return sum + c
}
