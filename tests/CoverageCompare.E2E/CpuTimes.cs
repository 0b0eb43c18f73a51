using System.Diagnostics;
using System.Globalization;

namespace CoverageCompare.E2E;

/// <summary>
/// CPU time used so far by this process (the app in it, the test and Playwright's client), by the processes it started
/// (Playwright's driver and Chromium with its renderers) and by the whole machine (/proc/stat), to tell how a load
/// test's time was shared out on a machine other work runs on too. Zero everywhere where there is no /proc.
/// </summary>
public sealed record CpuTimes(TimeSpan App, TimeSpan Browser, TimeSpan Machine, DateTime At)
{
    public static CpuTimes Now()
    {
        using var self = Process.GetCurrentProcess();
        return OperatingSystem.IsLinux()
            ? new CpuTimes(self.TotalProcessorTime, Descendants(Environment.ProcessId), MachineBusy(), DateTime.UtcNow)
            : new CpuTimes(self.TotalProcessorTime, TimeSpan.Zero, TimeSpan.Zero, DateTime.UtcNow);
    }

    /// <summary>Cores in use on average from <paramref name="start"/> to this reading: the app's process, the browsers, everything else.</summary>
    public string Since(CpuTimes start)
    {
        var seconds = (At - start.At).TotalSeconds;
        var app = (App - start.App).TotalSeconds / seconds;
        var browser = (Browser - start.Browser).TotalSeconds / seconds;
        var machine = (Machine - start.Machine).TotalSeconds / seconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"{app:0.00} cores for the app's process (app, test, Playwright client), {browser:0.00} for Chromium and Playwright's driver, " +
            $"{Math.Max(0, machine - app - browser):0.00} for other work, of {Environment.ProcessorCount}");
    }

    /// <summary>The machine's load average over the last minute (runnable processes), or empty where there is no /proc.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "";

    private static TimeSpan Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                // The command name, in parentheses, may hold spaces: the fields after it are state, then parent id.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while the list was read.
            }
        }

        var total = TimeSpan.Zero;
        var found = new HashSet<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (child, _) in parents.Where(p => p.Value == parent))
            {
                if (!found.Add(child)) continue;
                frontier.Enqueue(child);
                try
                {
                    using var process = Process.GetProcessById(child);
                    total += process.TotalProcessorTime;
                }
                catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
                {
                    // Ended meanwhile.
                }
            }
        }
        return total;
    }

    /// <summary>Busy time of all cores together since boot: everything in the first line of /proc/stat but idle and iowait.</summary>
    private static TimeSpan MachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already inside user); clock ticks of 1/100 s.
        var busy = fields.Take(8).Sum() - fields[3] - fields[4];
        return TimeSpan.FromSeconds(busy / 100.0);
    }
}
