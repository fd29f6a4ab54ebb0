#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Whole numbers decoded exactly (docs/regole.md §5): through ``BigInt``, which refuses a JSON
/// number that is not exactly an integer. A decoder's own `Int` goes through binary floating point
/// for a number with a fraction or an exponent, and reads `49999.99999999999999` as 50000: a
/// population, a year or a ratio would change without a word.
extension KeyedDecodingContainer {
    /// The whole number at `key`, exactly as written.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a number that is not an integer or does not fit
    ///   in 64 bits; the decoder's errors for a missing key or another type.
    func decodeExactInteger(forKey key: Key) throws -> Int {
        let exact = try decode(BigInt.self, forKey: key)
        guard let small = exact.int64Value, let value = Int(exactly: small) else {
            let message = "numero intero fuori misura: \(exact)"
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: codingPath + [key], debugDescription: message, underlyingError: InvalidValue(.fuoriMisura, message)))
        }
        return value
    }
}

extension DecodingError {
    /// The error of a decoded result whose figures are not what its own computation gives
    /// (a changed file, figures copied from elsewhere): a result is never taken as given.
    static func inconsistent(_ what: String, codingPath: [any CodingKey]) -> DecodingError {
        .dataCorrupted(
            DecodingError.Context(
                codingPath: codingPath, debugDescription: "\(what) non corrisponde al calcolo sui dati che accompagna: il documento è stato modificato"))
    }
}
