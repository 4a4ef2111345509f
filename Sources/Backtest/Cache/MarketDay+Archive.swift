import MarketData
import VolModels

/// A session's calibrations in the timeline cache. The inputs are read from the store again
/// (cheap, and the store is what the cache key hashes), the SPX model and the VIX complex are
/// read back as calibrated, and the VIX chain is generated from them as `init` does. A day
/// whose model was fitted to a real chain, or whose VIX complex failed or cannot be rebuilt
/// exactly, is archived as "calibrate again" and built the ordinary way on reading.
extension MarketDay {
    func archive(into out: inout ArchiveWriter, parameters: ChainModelParameters) {
        out.write(inputs.date)
        out.write(model.isArchivable)
        if model.isArchivable { model.archive(into: &out) }
        if case .success(let complex) = vixComplex, complex.isArchivable(parameters: parameters) {
            out.write(true)
            complex.archive(into: &out)
        } else {
            out.write(false)
        }
    }

    convenience init(
        archived reader: inout ArchiveReader, store: some MarketDataStore, calendar: TradingCalendar, date: MarketDate,
        parameters: ChainModelParameters
    ) throws {
        let dateOffset = reader.offset
        guard try reader.readDate() == date else { throw ArchiveError.invalid(offset: dateOffset, field: "date") }
        let inputs = try MarketInputs.load(store, date: date)
        let model: SPXMarketModel
        if try reader.readBool("spx") {
            model = try SPXMarketModel(archived: &reader, inputs: inputs, parameters: parameters)
        } else {
            model = try SPXMarketModel.forDate(store, inputs: inputs, calendar: calendar, parameters: parameters)
        }
        let complex: Result<VIXComplex, any Error>
        if try reader.readBool("vix") {
            let vixOffset = reader.offset
            let archived = try VIXComplex(archived: &reader, parameters: parameters)
            guard archived.date == date else { throw ArchiveError.invalid(offset: vixOffset, field: "vix.date") }
            complex = .success(archived)
        } else {
            complex = Self.calibrateVIX(inputs: inputs, calendar: calendar, parameters: parameters)
        }
        self.init(inputs: inputs, model: model, vixComplex: complex, calendar: calendar, parameters: parameters)
    }
}
