import ArgumentParser

struct ImpliedVolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iv",
        abstract: "Implied volatility from option prices (Jäckel's \"Let's Be Rational\").",
        discussion: """
            Input CSV columns: bsm: S,K,T,r,q,price,type   black76: F,K,T,r,price,type
            (price discounted, as quoted). Output: the input columns, then iv,status where status
            is ok or the reason no volatility fits (below_intrinsic, above_max, zero_price,
            at_intrinsic, zero_time, price_not_finite); iv is empty unless status is ok.
            \(VixShieldCommand.disclaimer)
            """
    )

    @Option(help: "Pricing model: bsm or black76.") var model: PricingModel
    @Option(help: "Input CSV file, or - for standard input.") var input: String

    func run() throws {
        do {
            write(try ImpliedVolTable.run(model: model, table: InputFile.table(input)))
        } catch { fail(error) }
    }
}
