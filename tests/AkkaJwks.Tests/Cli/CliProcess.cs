using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace AkkaJwks.Tests.Cli;

/// <summary>
/// The built akka-jwks program run as a real process (<c>dotnet akka-jwks.dll ...</c>) from the test output
/// folder, with its output captured line by line. Every wait is bounded: a run that overstays fails the test and
/// is killed, it never hangs the suite.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    /// <summary>How long any single wait may take before the test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(Process process) => _process = process;

    /// <summary>
    /// Starts akka-jwks with <paramref name="args"/>, and <paramref name="stdin"/> as its input; the input is closed
    /// after it unless <paramref name="keepInputOpen"/>, so that the program waits on it.
    /// </summary>
    public static CliProcess Start(IEnumerable<string> args, string? stdin = null, bool keepInputOpen = false)
    {
        // dotnet test names the host it runs under; outside it, the dotnet on the PATH is the one.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (InterruptIsIgnored())
        {
            // A child inherits an ignored SIGINT, and .NET keeps ignoring it (the Unix rule for background jobs), so
            // the Ctrl+C these tests send would never arrive: give the program the default disposition back.
            info.FileName = "env";
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add(host);
        }

        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "akka-jwks.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Received(e.Data, cli._stdout, cli._stdoutClosed, toChannel: true);
        process.ErrorDataReceived += (_, e) => cli.Received(e.Data, cli._stderr, cli._stderrClosed, toChannel: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        if (!keepInputOpen)
        {
            process.StandardInput.Close();
        }

        return cli;
    }

    /// <summary>Runs akka-jwks to its end and answers what it printed.</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, string? stdin = null)
    {
        await using var cli = Start(args, stdin);
        return await cli.WaitForExitAsync();
    }

    /// <summary>
    /// Runs a command that runs until stopped (watch, demo) until it prints a line <paramref name="until"/> accepts,
    /// then stops it with Ctrl+C and answers what it printed. A --duration would race the machine: a loaded one can
    /// spend all of it before the first fetch completes; the line comes however slow the machine is.
    /// </summary>
    public static async Task<CliResult> RunUntilAsync(IEnumerable<string> args, Func<string, bool> until)
    {
        await using var cli = Start(args);
        await cli.WaitForLineAsync(until);
        return await cli.InterruptAsync();
    }

    /// <summary>Waits for the first line of standard output that <paramref name="match"/> accepts.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(patience.Token))
            {
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below with everything printed so far.
        }

        throw new Xunit.Sdk.XunitException($"akka-jwks never printed the line awaited.\n{Snapshot()}");
    }

    /// <summary>Waits for the program to exit by itself and answers what it printed.</summary>
    public async Task<CliResult> WaitForExitAsync()
    {
        try
        {
            await Task.WhenAll(_process.WaitForExitAsync(), _stdoutClosed.Task, _stderrClosed.Task)
                .WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"akka-jwks did not exit within {Patience}.\n{Snapshot()}");
        }

        return new CliResult(_process.ExitCode, Text(_stdout), Text(_stderr));
    }

    /// <summary>Stops a program that runs until stopped (serve, watch) and answers what it printed.</summary>
    public async Task<CliResult> KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        return await WaitForExitAsync();
    }

    /// <summary>Sends SIGINT, what Ctrl+C in a terminal sends, and answers what the program printed.</summary>
    public async Task<CliResult> InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
        return await WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>
    /// Whether this process ignores SIGINT, as everything started in the background by a non-interactive shell does
    /// (<c>.ci/run &amp;</c>, <c>nohup</c>): bit 2 of the SigIgn mask in <c>/proc/self/status</c> (Linux only).
    /// </summary>
    private static bool InterruptIsIgnored()
    {
        const string status = "/proc/self/status";
        if (!OperatingSystem.IsLinux() || !File.Exists(status))
        {
            return false;
        }

        var mask = File.ReadLines(status).FirstOrDefault(line => line.StartsWith("SigIgn:", StringComparison.Ordinal));
        return mask is not null
            && ulong.TryParse(mask["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, null, out var ignored)
            && (ignored & (1UL << 1)) != 0;
    }

    private void Received(string? line, StringBuilder text, TaskCompletionSource closed, bool toChannel)
    {
        if (line is null)
        {
            closed.TrySetResult();
            if (toChannel)
            {
                _lines.Writer.TryComplete();
            }

            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }

        if (toChannel)
        {
            _lines.Writer.TryWrite(line);
        }
    }

    private string Snapshot() => $"--- stdout\n{Text(_stdout)}\n--- stderr\n{Text(_stderr)}";

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
