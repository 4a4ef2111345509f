import Backtest
import MarketData
import Strategy
import VolModels

/// Runs library work for a route: the library's own typed errors (missing market data, a
/// model that cannot price, a book the engine cannot hold, a bad file row) become a 422
/// problem with their message, which names the date and cause and never holds SQL; anything
/// else propagates (a 500 `internal` problem, logged).
func domain<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let problem as Problem {
        throw problem
    } catch let error as InputError {
        throw Problem(.unprocessable, detail: error.description, errors: [Problem.FieldError(row: error.line.map { $0 - 1 }, field: error.field, reason: error.message)])
    } catch let error as VolModelError {
        throw Problem(.unprocessable, detail: error.description)
    } catch let error as RegimeError {
        throw Problem(.unprocessable, detail: error.description)
    } catch let error as BookStateError {
        throw Problem(.unprocessable, detail: error.description)
    } catch let error as BacktestError {
        throw Problem(.unprocessable, detail: "\(error)")
    } catch let error as RulesetError {
        throw Problem(.unprocessable, detail: "\(error)")
    }
}
