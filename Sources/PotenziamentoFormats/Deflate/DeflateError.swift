/// Why a DEFLATE stream (RFC 1951) could not be decoded. Every malformed or hostile input ends in
/// one of these, never in a crash; `description` is Italian, for messages shown to the users.
package enum DeflateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data ends before the final block does.
    case truncatedInput
    /// A block header names block type 3, which does not exist.
    case invalidBlockType
    /// A stored block's length and its one's complement (LEN, NLEN) disagree.
    case storedLengthMismatch
    /// The code lengths of a dynamic block do not make a usable Huffman code; the text says why.
    case invalidCodeLengths(String)
    /// The data holds a bit sequence that is no code of the current table, or a length or
    /// distance symbol that RFC 1951 reserves (286, 287; 30, 31).
    case invalidSymbol
    /// A back-reference points before the start of the output.
    case distanceTooFarBack(distance: Int, available: Int)
    /// The output would grow beyond the limit given to the decoder (the defence against
    /// decompression bombs, checked while decoding).
    case outputLimitExceeded(limit: Int)

    /// Returns the reason in Italian, e.g. "dati compressi troncati".
    package var description: String {
        switch self {
        case .truncatedInput: "dati compressi troncati"
        case .invalidBlockType: "tipo di blocco DEFLATE non valido"
        case .storedLengthMismatch: "lunghezza di un blocco non compresso incoerente"
        case .invalidCodeLengths(let reason): "tabella di Huffman non valida (\(reason))"
        case .invalidSymbol: "codice di Huffman non valido"
        case .distanceTooFarBack(let distance, let available):
            "riferimento all'indietro di \(distance) byte con solo \(available) byte già decompressi"
        case .outputLimitExceeded(let limit): "i dati decompressi superano il limite di \(limit) byte"
        }
    }
}
