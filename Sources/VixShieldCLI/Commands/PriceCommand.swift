import ArgumentParser

struct PriceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price",
        abstract: "Price European options with greeks (Black-Scholes-Merton or Black-76).",
        discussion: """
            Input CSV columns: bsm: S,K,T,r,q,sigma,type   black76: F,K,T,r,sigma,type
            (type C or P; T in years; r, q continuous; sigma per sqrt(year); extra columns are
            passed through). Output: the input columns, then price,delta,gamma,vega,theta,rho
            with 17 significant digits. vega is per 1.00 of vol, theta = -dV/dT per year, rho per
            1.00 of rate. Any bad row fails the whole run with file, line and field.
            \(VixShieldCommand.disclaimer)
            """
    )

    @Option(help: "Pricing model: bsm or black76.") var model: PricingModel
    @Option(help: "Input CSV file, or - for standard input.") var input: String

    func run() throws {
        do {
            write(try PriceTable.run(model: model, table: InputFile.table(input)))
        } catch { fail(error) }
    }
}
