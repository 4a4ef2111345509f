import ArgumentParser

struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "MACD(12,26,9), RSI(14) and EMA(20) of a daily series, TA-Lib conventions.",
        discussion: """
            Reads a daily CSV (dates YYYY-MM-DD or M/D/YYYY, strictly increasing; rows whose value
            is '.' are market holidays and are skipped). Writes
            date,value,macd,macd_signal,macd_hist,rsi14,ema20 with blank cells during warm-up
            (MACD from the 34th value, RSI from the 15th, EMA from the 20th).
            Example: vixshield indicators --input Data/market/vix.csv --column vix
            \(VixShieldCommand.disclaimer)
            """
    )

    @Option(help: "Input CSV file, or - for standard input.") var input: String
    @Option(help: "Name of the value column, e.g. vix or Close.") var column: String
    @Option(help: "Name of the date column.") var dateColumn: String = "Date"

    func run() throws {
        do {
            write(try IndicatorTable.run(table: InputFile.table(input), column: column, dateColumn: dateColumn))
        } catch { fail(error) }
    }
}
