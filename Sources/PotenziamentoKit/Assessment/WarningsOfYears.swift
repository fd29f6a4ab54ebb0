extension AnnualAssessment {
    /// The warnings of the assessments of one roster in several years, each once (the same
    /// message in two years is shown once): a person with no service in one of the years but
    /// some in another (a hire planned for a later year, a leaver of an earlier one) is what a
    /// report of several years expects, and is warned of only when idle in all of them. The one
    /// rule of the prospetto (two years) and of `simula` (the years of its horizon).
    ///
    /// - Parameters:
    ///   - years: each year's ``warnings`` (not the assessments: an array of them would copy
    ///     each one's every field).
    ///   - eachPlaceOnce: a warning of a code and place given for an earlier year is not given
    ///     again for a later one, however its words differ (its year; within a year every
    ///     warning is given): `simula` over ten years
    ///     says a population used for every year once, not ten times (a review); the prospetto's
    ///     two years say it for each, as each year's figure is to be checked.
    package static func warnings(ofYears years: [[InputDiagnostic]], eachPlaceOnce: Bool = false) -> [InputDiagnostic] {
        // The places of the persons without service, in each year.
        let idle = years.map { Set($0.filter { $0.code == .nessunServizioNellAnno }.map(\.place)) }
        struct Key: Hashable {
            let code: DiagnosticCode
            let place: SourcePlace
            let message: String

            /// Messages compared byte for byte (what is shown is the same; their UTF-8 at once,
            /// not a byte at a time through an iterator), places as places.
            static func == (lhs: Key, rhs: Key) -> Bool {
                guard lhs.code == rhs.code, lhs.message.utf8.count == rhs.message.utf8.count else { return false }
                var (left, right) = (lhs.message, rhs.message)
                let sameText = left.withUTF8 { left in right.withUTF8 { right in left.elementsEqual(right) } }
                return sameText && lhs.place == rhs.place
            }

            /// Hashes code and the message's bytes only (equal keys have equal ones; a string's
            /// own hash normalises every accented message first): a place's text is compared
            /// only when two warnings say the same.
            func hash(into hasher: inout Hasher) {
                hasher.combine(code)
                var message = message
                message.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }
        }
        var seen = Set<Key>(minimumCapacity: years.reduce(0) { $0 + $1.count })
        // The codes and places of the years before (two warnings of one code at one place in the
        // same year are two warnings).
        var placesBefore = Set<String>()
        var found: [InputDiagnostic] = []
        for warnings in years {
            var placesNow = Set<String>()
            for warning in warnings {
                if warning.code == .nessunServizioNellAnno && !idle.allSatisfy({ $0.contains(warning.place) }) { continue }
                guard seen.insert(Key(code: warning.code, place: warning.place, message: warning.message)).inserted else { continue }
                if eachPlaceOnce {
                    let codeAndPlace = "\(warning.code.rawValue) \(warning.place)"
                    if placesBefore.contains(codeAndPlace) { continue }
                    placesNow.insert(codeAndPlace)
                }
                found.append(warning)
            }
            placesBefore.formUnion(placesNow)
        }
        return found
    }
}
