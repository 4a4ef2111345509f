import ArgumentParser
import Foundation
import MarketData
import VolModels

struct ChainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Write a modelled end-of-day option chain (SPX or VIX) for a date.",
        discussion: """
            Prices are modelled from that day's S&P 500 and VIX closes and the Treasury curve (no real
            option quotes exist offline): SPX from an SSVI surface calibrated to the VIX with event
            variance, VIX options from Black-76 on a mean-reverting futures curve. optionsdx output is
            readable by `vixshield data import --kind chain-optionsdx`; csv has one row per option with
            greeks (vega per 1.00 vol, theta per year). --config FILE overrides model parameters (TOML).
            \(VixShieldCommand.disclaimer)
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Valuation date (a session with S&P 500 and VIX closes), YYYY-MM-DD.") var date: MarketDate
    @Option(help: "SPX or VIX.") var underlying: ChainUnderlying
    @Option(help: "optionsdx or csv.") var format: ChainFormat = .csv
    @Option(help: "TOML file overriding model parameters.") var config: String?

    func run() throws {
        var parameters = ChainModelParameters()
        if let config {
            parameters = try ChainModelParameters.load(toml: InputFile.settings(config, kind: "config"), file: config)
        }
        let database = try store.open()
        let calendar = try TradingCalendar(sessions: database.sessions().map(\.date))
        let inputs = try MarketInputs.load(database, date: date)
        let chain: SyntheticChain
        switch underlying {
        case .spx:
            // A real chain in the store for this date replaces the VIX-driven surface.
            let model = try SPXMarketModel.forDate(database, inputs: inputs, calendar: calendar, parameters: parameters)
            if let fit = model.fit {
                let summary =
                    "surface fitted to the stored SPX chain: \(fit.expiryCount) expir\(fit.expiryCount == 1 ? "y" : "ies"), "
                    + String(
                        format: "rho %.3f, eta %.3f, RMS error %.3f vol points (max %.3f); ", fit.rho, fit.eta, fit.rmsErrorVolPoints,
                        fit.maxErrorVolPoints) + fit.summary
                FileHandle.standardError.write(Data("note: \(summary)\n".utf8))
            }
            chain = SPXChainGenerator.chain(model)
        case .vix: chain = try VIXChainGenerator.chain(inputs: inputs, calendar: calendar, parameters: parameters)
        }
        write(ChainWriter.write(chain, format: format))
        FileHandle.standardError.write(Data("note: \(SyntheticChain.provenance) \(chain.optionCount) options.\n".utf8))
    }
}

enum ChainUnderlying: String, ExpressibleByArgument, CaseIterable {
    case spx = "SPX"
    case vix = "VIX"

    init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

extension ChainFormat: ExpressibleByArgument {}
