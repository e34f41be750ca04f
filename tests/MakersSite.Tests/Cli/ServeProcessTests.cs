using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Cli;

/// <summary>serve as a real process: started the way a member starts it, stopped the way tools stop it.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Serve_stops_cleanly_on_sigterm()
    {
        if (OperatingSystem.IsWindows()) return; // no SIGTERM there
        using var site = TestSite.FromDefaultContent();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "makers-site.dll"), "serve", "--root", site.Root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var serve = Process.Start(start)!;
        try
        {
            var started = new TaskCompletionSource();
            serve.OutputDataReceived += (_, e) => { if (e.Data?.StartsWith("Voorbeeld op", StringComparison.Ordinal) == true) started.TrySetResult(); };
            serve.ErrorDataReceived += (_, _) => { };
            serve.BeginOutputReadLine();
            serve.BeginErrorReadLine();
            await started.Task.WaitAsync(TimeSpan.FromSeconds(120));

            using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await serve.WaitForExitAsync(timeout.Token); // throws when serve keeps running after SIGTERM
            Assert.Equal(0, serve.ExitCode);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
