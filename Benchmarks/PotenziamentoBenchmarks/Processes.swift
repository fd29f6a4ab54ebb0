import Foundation

/// What one run of a process cost: wall time, CPU time and peak memory (getrusage of the child).
struct ProcessRun {
    /// Wall time from spawn to exit, in seconds.
    let wall: Double
    /// User + system CPU time, in seconds.
    let cpu: Double
    /// Peak resident memory, in bytes (ru_maxrss).
    let peakMemory: Int
    /// The exit status (or 128 + signal).
    let status: Int32
}

enum Processes {
    /// Runs `arguments` (the first found on PATH when it has no slash) with standard output and
    /// standard error written to the files `stdout` and `stderr`, and waits for it.
    static func run(_ arguments: [String], stdout: String, stderr: String) -> ProcessRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { return ProcessRun(wall: 0, cpu: 0, peakMemory: 0, status: 127) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let wall = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let exit = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ProcessRun(wall: wall, cpu: cpu, peakMemory: usage.ru_maxrss * 1024, status: exit)
    }

    /// The peak resident memory of one run of `arguments`, in bytes, as GNU time reports it
    /// (`/usr/bin/time -f %M`): the child of a small process, so the figure is the command's own.
    /// (A child spawned straight from the benchmark inherits the benchmark's high-water mark in
    /// ru_maxrss on Linux.) Nil when /usr/bin/time is missing or the run fails.
    static func peakMemory(_ arguments: [String], stdout: String) -> Int? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return nil }
        let report = stdout + ".time"
        let run = run(["/usr/bin/time", "-f", "%M", "-o", report] + arguments, stdout: stdout, stderr: stdout + ".err")
        guard run.status == 0, let text = try? String(contentsOfFile: report, encoding: .utf8),
            let kilobytes = Int(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "")
        else { return nil }
        return kilobytes * 1024
    }

    /// The instructions a run executes, counted by `valgrind --tool=callgrind` (nil when
    /// valgrind is missing or the run fails). The profile is kept in `profile` for callgrind_annotate.
    static func instructions(_ arguments: [String], profile: String, stdout: String) -> Int? {
        let log = profile + ".log"
        let run = run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=\(profile)"] + arguments, stdout: stdout, stderr: log)
        guard run.status == 0, let text = try? String(contentsOfFile: log, encoding: .utf8) else { return nil }
        // "==1234== Collected : 123456789"
        guard let line = text.split(separator: "\n").last(where: { $0.contains("Collected :") }),
            let number = line.split(separator: ":").last.map({ $0.trimmingCharacters(in: .whitespaces) })
        else { return nil }
        return Int(number)
    }
}

extension Double {
    /// Milliseconds with one decimal, Italian style: `12,3`.
    var milliseconds: String { italian(self * 1000, decimals: 1) }
}

/// `1234,5` → `1.234,5`.
func italian(_ value: Double, decimals: Int) -> String {
    let text = String(format: "%.\(decimals)f", value)
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    var whole = String(parts[0])
    let negative = whole.hasPrefix("-")
    if negative { whole.removeFirst() }
    var grouped = ""
    for (index, character) in whole.reversed().enumerated() {
        if index > 0 && index % 3 == 0 { grouped.append(".") }
        grouped.append(character)
    }
    let integer = (negative ? "-" : "") + String(grouped.reversed())
    return parts.count > 1 ? integer + "," + parts[1] : integer
}

/// `1.234.567`.
func italian(_ value: Int) -> String { italian(Double(value), decimals: 0) }

extension String {
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
