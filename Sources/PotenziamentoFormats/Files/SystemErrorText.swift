#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a failed system call's `errno` means, in Italian: every message of the program is in
/// Italian, and the system's own text (`strerror`) is in English on most systems («Broken pipe»,
/// «No space left on device»), which an office worker may not read (docs/regole.md, «Messaggi»).
package enum SystemErrorText {
    /// The failure `code` (an `errno` value) in Italian; one the program does not name is
    /// «errore di sistema N» with the system's own text.
    package static func italian(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "spazio esaurito sul disco"
        case EDQUOT: "quota di spazio su disco esaurita"
        case EFBIG: "file troppo grande per il disco"
        case EIO: "errore di lettura o scrittura del disco o del dispositivo"
        case EPIPE: "chi riceveva l'output ha chiuso prima della fine"
        case EBADF: "l'output è chiuso"
        case EACCES, EPERM: "permesso negato"
        case ENOENT: "file o cartella inesistente"
        case ENOTDIR: "una parte del percorso non è una cartella"
        case EISDIR: "è una cartella"
        case EROFS: "disco o cartella di sola lettura"
        case ELOOP: "troppi collegamenti simbolici"
        case ENAMETOOLONG: "nome del file troppo lungo"
        case EEXIST: "esiste già"
        case ENXIO, ENODEV: "dispositivo inesistente o non pronto"
        case EMFILE, ENFILE: "troppi file aperti"
        case ETXTBSY, EBUSY: "file o dispositivo in uso"
        case EXDEV: "dischi diversi"
        case ENOMEM: "memoria esaurita"
        case EAGAIN: "risorsa momentaneamente non disponibile: riprova"
        case EINTR: "interrotto"
        case EINVAL: "operazione non valida per questo file"
        default: "errore di sistema \(code): \(String(cString: strerror(code)))"
        }
    }
}
