#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PotenziamentoCLI

// The `potenziamento` command: everything happens in PotenziamentoCLI; this file only connects it
// to the process (arguments, today's date in UTC, standard output and error, exit status).
exit(Potenziamento.main(Array(CommandLine.arguments.dropFirst())))
