import MarketData

/// The calibrated VIX complex of one day written to and read from a cache archive: the futures
/// nodes, the term-structure fit, the VVIX target and the vol of vol the calibration found.
/// The option model is rebuilt as `calibrate` builds it (`with(scale:parameters:)` on the
/// configured option parameters), so only complexes on the default futures curve whose
/// option parameters are exactly that rebuild are archivable (`isArchivable(parameters:)`).
extension VIXComplex {
    public func isArchivable(parameters: ChainModelParameters) -> Bool {
        guard optionModel.curve == VIXFuturesCurve(), atmVolatility30d.isFinite, atmVolatility30d > 0 else { return false }
        // A complex the rebuild cannot reproduce is simply not archived: its day is calibrated again.
        do {
            return try with(scale: atmVolatility30d, parameters: parameters.vixOptions).optionModel == optionModel
        } catch {
            return false
        }
    }

    /// Writes the calibrated fields; precondition: `isArchivable(parameters:)` for the
    /// parameters the reader will be given.
    public func archive(into out: inout ArchiveWriter) {
        out.write(date)
        out.write(vix)
        out.write(settlements.count)
        for node in settlements {
            out.write(node.years)
            out.write(node.future)
        }
        out.write(theta)
        out.write(kappa)
        out.write(futuresSource.rawValue)
        out.write(vvixSource.rawValue)
        out.write(vvixTarget)
        out.write(vvixModel)
        out.write(atmVolatility30d)
        out.write(notes)
    }

    public init(archived reader: inout ArchiveReader, parameters: ChainModelParameters) throws(ArchiveError) {
        let date = try reader.readDate()
        let vix = try reader.readDouble()
        var settlements: [(years: Double, future: Double)] = []
        for _ in 0..<(try reader.readCount("settlements")) {
            settlements.append((try reader.readDouble(), try reader.readDouble()))
        }
        let theta = try reader.readDouble(), kappa = try reader.readDouble()
        let futuresOffset = reader.offset
        guard let futuresSource = FuturesSource(rawValue: try reader.readString("futuresSource")) else {
            throw .invalid(offset: futuresOffset, field: "futuresSource")
        }
        let vvixOffset = reader.offset
        guard let vvixSource = VVIXSource(rawValue: try reader.readString("vvixSource")) else {
            throw .invalid(offset: vvixOffset, field: "vvixSource")
        }
        let target = try reader.readDouble(), model = try reader.readDouble()
        let scaleOffset = reader.offset
        let scale = try reader.readDouble()
        let notes = try reader.readStrings("notes")
        // The same construction as the end of `calibrate`: the draft, rescaled to the vol of
        // vol found, then its model VVIX and notes.
        let draft = VIXComplex(
            date: date, vix: vix, settlements: settlements, theta: theta, kappa: kappa, futuresSource: futuresSource,
            vvixSource: vvixSource, vvixTarget: target, vvixModel: .nan, atmVolatility30d: .nan,
            optionModel: VIXOptionModel(parameters: parameters.vixOptions), notes: notes)
        do {
            self = try draft.with(scale: scale, parameters: parameters.vixOptions)
        } catch {
            throw .invalid(offset: scaleOffset, field: "atmVolatility30d")
        }
        vvixModel = model
        self.notes = notes
    }
}
