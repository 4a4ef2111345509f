/// |actual - expected| <= rel·|expected| + abs, and actual finite.
func metricsClose(_ actual: Double?, _ expected: Double, rel: Double = 1e-12, abs absTol: Double = 0) -> Bool {
    guard let actual, actual.isFinite else { return false }
    return abs(actual - expected) <= rel * abs(expected) + absTol
}
