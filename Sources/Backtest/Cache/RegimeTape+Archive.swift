import MarketData
import Strategy

/// A regime tape in the cache: each session's posture (by raw value) and sessions held.
extension RegimeTape {
    func archive() -> [UInt8] {
        var out = ArchiveWriter(capacity: 24 * postures.count + 16)
        out.write(postures.map(\.rawValue))
        out.write(heldSessions.count)
        for held in heldSessions { out.write(held) }
        return out.bytes
    }

    init(archived payload: [UInt8], rules: RegimeRules, sessions: Int) throws(ArchiveError) {
        self.rules = rules
        var reader = ArchiveReader(payload)
        let names = try reader.readStrings("postures")
        for name in names {
            guard let posture = Regime(rawValue: name) else { throw .invalid(offset: 0, field: "posture \(name)") }
            postures.append(posture)
        }
        let countOffset = reader.offset
        let count = try reader.readCount("heldSessions")
        guard names.count == sessions, count == sessions else { throw .invalid(offset: countOffset, field: "sessions") }
        for _ in 0..<count {
            let held = try reader.readInt()
            guard held >= 1 else { throw .invalid(offset: reader.offset - 8, field: "heldSessions") }
            heldSessions.append(held)
        }
        guard reader.isAtEnd else { throw .invalid(offset: reader.offset, field: "end") }
    }
}
