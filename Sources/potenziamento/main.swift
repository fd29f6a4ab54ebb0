import Foundation
import PotenziamentoCLI
import PotenziamentoKit

// The `potenziamento` command: everything happens in PotenziamentoCLI; this file only connects it
// to the process (arguments, today's date in UTC, standard output and error, exit status).
let now = Date()
var calendar = Calendar(identifier: .gregorian)
calendar.timeZone = TimeZone(identifier: "UTC")!
let parts = calendar.dateComponents([.year, .month, .day], from: now)
let today = CivilDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? CivilDate.startOfYear(2026)
let result = Potenziamento.run(Array(CommandLine.arguments.dropFirst()), context: CommandContext(today: today))
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
FileHandle.standardError.write(Data(result.standardError.utf8))
exit(result.status.rawValue)
