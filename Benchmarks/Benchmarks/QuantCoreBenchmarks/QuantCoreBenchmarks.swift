import Benchmark
import CKernel
import QuantCore

/// Each benchmark iteration processes a whole batch (4,096 options or 10,000 points), so
/// "time per iteration / batch size" is the per-option (per-point) cost. README quotes the
/// figures as ratios against the textbook baseline measured in the same run.
let benchmarks: @Sendable () -> Void = {
    let inputs = BenchmarkInputs()
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3))

    Benchmark("Baseline textbook BSM price+greeks x4096", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for i in 0..<BenchmarkInputs.count {
                let v = TextbookBaseline.value(
                    call: inputs.types[i] == .call, spot: inputs.spot, strike: inputs.strikes[i], time: inputs.times[i],
                    rate: inputs.rate, dividend: inputs.dividend, vol: inputs.vols[i])
                sum += v.price + v.delta + v.gamma + v.vega + v.theta + v.rho
            }
            blackHole(sum)
        }
    }

    let callFlags: [Int32] = inputs.types.map { $0 == .call ? 1 : 0 }
    Benchmark("C -O2 textbook BSM price+greeks x4096", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let sum = ck_bsm_book(
                Int32(BenchmarkInputs.count), callFlags, inputs.strikes, inputs.times, inputs.vols, inputs.spot, inputs.rate, inputs.dividend)
            blackHole(sum)
        }
    }

    Benchmark("QuantCore BSM price+greeks scalar x4096", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for i in 0..<BenchmarkInputs.count {
                let v = BlackScholesMerton.uncheckedValue(
                    inputs.types[i], spot: inputs.spot, strike: inputs.strikes[i], time: inputs.times[i],
                    rate: inputs.rate, dividendYield: inputs.dividend, volatility: inputs.vols[i])
                sum += v.price + v.delta + v.gamma + v.vega + v.theta + v.rho
            }
            blackHole(sum)
        }
    }

    let slice = try! OptionChainSlice(types: inputs.types, strikes: inputs.strikes, volatilities: inputs.vols)
    Benchmark("QuantCore BSM chain slice batch x4096", configuration: configuration) { benchmark in
        var output = OptionValuationColumns()
        for _ in benchmark.scaledIterations {
            try! BlackScholesMerton.value(slice, spot: inputs.spot, time: 45.0 / 365, rate: inputs.rate, dividendYield: inputs.dividend, into: &output)
            blackHole(output.price[0])
        }
    }

    Benchmark("Baseline Newton implied vol x4096", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for i in 0..<BenchmarkInputs.count {
                sum += TextbookBaseline.impliedVolatility(
                    call: inputs.types[i] == .call, price: inputs.prices[i], spot: inputs.spot, strike: inputs.strikes[i],
                    time: inputs.times[i], rate: inputs.rate, dividend: inputs.dividend)
            }
            blackHole(sum)
        }
    }

    Benchmark("QuantCore implied vol (Let's Be Rational) x4096", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for i in 0..<BenchmarkInputs.count {
                sum += (try? ImpliedVolatility.blackScholesMerton(
                    inputs.types[i], price: inputs.prices[i], spot: inputs.spot, strike: inputs.strikes[i],
                    time: inputs.times[i], rate: inputs.rate, dividendYield: inputs.dividend).volatility) ?? 0
            }
            blackHole(sum)
        }
    }

    // The same book through the batch API: four options at a time in SIMD lanes, the lanes it
    // declines (about 4% of this book) and any error on the scalar call.
    let quotes = try! ImpliedVolatilityQuotes(types: inputs.types, prices: inputs.prices, strikes: inputs.strikes, times: inputs.times)
    Benchmark("QuantCore implied vol batch (lanes) x4096", configuration: configuration) { benchmark in
        var results: [Result<ImpliedVolatility.Result, ImpliedVolatilityError>] = []
        for _ in benchmark.scaledIterations {
            ImpliedVolatility.blackScholesMerton(quotes, spot: inputs.spot, rate: inputs.rate, dividendYield: inputs.dividend, into: &results)
            var sum = 0.0
            for result in results { if case .success(let solved) = result { sum += solved.volatility } }
            blackHole(sum)
        }
    }

    Benchmark("QuantCore MACD+RSI streaming x10000 points", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            var macd = MACD()
            var rsi = RSI(period: 14)
            var sum = 0.0
            for value in vixLikeSeries {
                if let m = macd.update(value) { sum += m.histogram }
                if let r = rsi.update(value) { sum += r }
            }
            blackHole(sum)
        }
    }
}
