import Foundation
import Testing
@testable import MarketData

/// The arithmetic shortcut of `Cents(dollars:)` agrees with the rounding of the printed digits
/// wherever it answers, and declines close to a half cent.
@Suite struct CentsFastRoundingTests {
    @Test func fastPathAgreesWithTheDigits() {
        var generator = ImporterSplitMix64(seed: 0xC0FF_EE12_3456_789A)
        var answered = 0
        var declined = 0
        for index in 0..<200_000 {
            let raw = generator.next()
            let unit = Double(raw >> 11) / Double(1 << 53)
            // Magnitudes from a tenth of a cent to ten trillion dollars, and amounts placed near
            // half cents (x.xx5 and its neighbours a few ulps away), where the shortcut must decline.
            var amount = pow(10, -3 + 16 * unit)
            if index % 4 == 0 {
                amount = ((amount * 100).rounded(.down) + 0.5) / 100
                for _ in 0..<Int(raw % 7) { amount = raw & 8 == 0 ? amount.nextUp : amount.nextDown }
            }
            check(amount, &answered, &declined)
        }
        #expect(answered > 120_000 && declined > 5_000, "answered \(answered), declined \(declined)")
        // Beyond 4e15 cents the shortcut declines; zero, negative zero and subnormals are 0.
        for amount in [4.1e13, 9.0e13, 1.0e15, 0, Double.leastNonzeroMagnitude, Double.leastNormalMagnitude, 1.005, 0.125, 2.675] {
            check(amount, &answered, &declined)
        }
        #expect(Cents.fastRoundedCents(4.1e13) == nil && Cents.fastRoundedCents(1.005) == nil && Cents.fastRoundedCents(0.125) == nil)
        #expect(Cents.fastRoundedCents(0.1 + 0.2) == 30 && Cents.fastRoundedCents(0) == 0)
        #expect(Cents(dollars: -0.0).cents == 0 && Cents(dollars: -Double.leastNonzeroMagnitude).cents == 0)
    }

    private func check(_ amount: Double, _ answered: inout Int, _ declined: inout Int) {
        let text = Cents.textRoundedCents(amount)
        if let fast = Cents.fastRoundedCents(amount) {
            #expect(fast == text, "\(amount)")
            answered += 1
        } else {
            declined += 1
        }
        #expect(Cents(dollars: amount).cents == text && Cents(dollars: -amount).cents == -text, "\(amount)")
    }
}
