import MarketData

/// The calibrated state of an `SPXMarketModel` (what its root searches found: the surface, the
/// Cboe-VIX anchor, the SKEW fit and its notes) written to and read from a cache archive.
/// The inputs and parameters are not written: the reader is given the day's inputs (read from
/// the store again) and the parameters the archive was keyed by, so a model read back equals,
/// field for field, the one that was written. Models fitted to a real chain are not archived
/// (`isArchivable`): their fit report is rebuilt by fitting again.
extension SPXMarketModel {
    public var isArchivable: Bool { fit == nil }

    /// Writes the calibrated fields; precondition: `isArchivable`.
    public func archive(into out: inout ArchiveWriter) {
        precondition(isArchivable, "a model fitted to a real chain is not archived")
        out.write(expiryDates)
        surface.archive(into: &out)
        out.write(skewSource.rawValue)
        out.write(skewTarget)
        out.write(modelSKEW)
        out.write(notes)
        out.write(anchorVIX)
    }

    /// The model as archived for `inputs.date`.
    public init(archived reader: inout ArchiveReader, inputs: MarketInputs, parameters: ChainModelParameters) throws(ArchiveError) {
        self.inputs = inputs
        self.parameters = parameters
        expiryDates = try reader.readDates("expiryDates")
        surface = try SPXVolSurface(archived: &reader)
        let sourceOffset = reader.offset
        guard let source = SkewSource(rawValue: try reader.readString("skewSource")) else {
            throw .invalid(offset: sourceOffset, field: "skewSource")
        }
        skewSource = source
        skewTarget = try reader.readOptionalDouble("skewTarget")
        modelSKEW = try reader.readOptionalDouble("modelSKEW")
        notes = try reader.readStrings("notes")
        anchorVIX = try reader.readDouble()
        fit = nil
    }
}

extension SPXVolSurface {
    func archive(into out: inout ArchiveWriter) {
        out.write(vix)
        out.write(spot)
        out.write(rate)
        out.write(dividendYield)
        for value in [parameters.rho, parameters.eta, parameters.gamma, parameters.meanReversion, parameters.longRunVolatility, parameters.dividendYield] {
            out.write(value)
        }
        out.write(events.count)
        for event in events {
            out.write(event.name)
            out.write(event.timeToEvent)
            out.write(event.jumpVariance)
        }
        out.write(expiries)
        out.write(termStructure.thirtyDayVariance)
        out.write(termStructure.meanReversion)
        out.write(termStructure.longRunVariance)
        out.write(diffusiveVIX)
        out.write(diffusiveATMTotalVariances)
        out.write(slices.count)
        for slice in slices {
            out.write(slice.theta)
            out.write(slice.rho)
            out.write(slice.eta)
            out.write(slice.gamma)
        }
    }

    init(archived reader: inout ArchiveReader) throws(ArchiveError) {
        let vix = try reader.readDouble(), spot = try reader.readDouble(), rate = try reader.readDouble()
        let dividendYield = try reader.readDouble()
        let parameters = SPXSurfaceParameters(
            rho: try reader.readDouble(), eta: try reader.readDouble(), gamma: try reader.readDouble(), meanReversion: try reader.readDouble(),
            longRunVolatility: try reader.readDouble(), dividendYield: try reader.readDouble())
        var events: [PendingEvent] = []
        for _ in 0..<(try reader.readCount("events")) {
            events.append(PendingEvent(name: try reader.readString("event"), timeToEvent: try reader.readDouble(), jumpVariance: try reader.readDouble()))
        }
        let expiries = try reader.readDoubles("expiries")
        let structure = VarianceSwapTermStructure(
            thirtyDayVariance: try reader.readDouble(), meanReversion: try reader.readDouble(), longRunVariance: try reader.readDouble())
        let diffusiveVIX = try reader.readDouble()
        let diffusive = try reader.readDoubles("diffusiveATMTotalVariances")
        let sliceOffset = reader.offset
        var slices: [SSVISlice] = []
        for _ in 0..<(try reader.readCount("slices")) {
            let theta = try reader.readDouble(), rho = try reader.readDouble(), eta = try reader.readDouble(), gamma = try reader.readDouble()
            do {
                slices.append(try SSVISlice(theta: theta, rho: rho, eta: eta, gamma: gamma))
            } catch {
                throw .invalid(offset: sliceOffset, field: "slices")
            }
        }
        guard slices.count == expiries.count, diffusive.count == expiries.count else {
            throw .invalid(offset: sliceOffset, field: "slices")
        }
        self.init(
            vix: vix, spot: spot, rate: rate, dividendYield: dividendYield, parameters: parameters, events: events, expiries: expiries,
            termStructure: structure, diffusiveVIX: diffusiveVIX, diffusiveATMTotalVariances: diffusive, slices: slices)
    }
}
