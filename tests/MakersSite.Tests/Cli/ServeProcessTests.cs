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
        using var serve = await StartServeAsync(site, Directory.GetCurrentDirectory());
        try
        {
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

    [Fact]
    public async Task Serve_watches_only_the_sites_folders_whatever_folder_it_is_started_in()
    {
        if (!OperatingSystem.IsLinux()) return; // counts inotify watches in /proc
        using var site = TestSite.FromDefaultContent();
        // Started from a folder with many others below it (a repository with node_modules and .cache): the web host's
        // defaults watched that whole tree, one inotify watch per folder, until the system's limit left serve's own
        // watcher on content/ without any, and saves went unnoticed.
        var workingDirectory = Directory.CreateTempSubdirectory("makers-site-cwd-").FullName;
        for (var i = 0; i < 400; i++) Directory.CreateDirectory(Path.Combine(workingDirectory, $"map-{i}"));
        using var serve = await StartServeAsync(site, workingDirectory);
        try
        {
            // At most one watch per folder serve watches (content, themes, layouts, static); symbolic links not followed.
            var watched = new[] { "content", "themes", "layouts", "static" }.Select(f => Path.Combine(site.Root, f)).Where(Directory.Exists)
                .Sum(f => 1 + Directory.GetDirectories(f, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Length);
            var watches = InotifyWatches(serve.Id);
            Assert.InRange(watches, 1, watched);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    /// <summary>serve as a member starts it, from <paramref name="workingDirectory"/>, once it says where the preview is.</summary>
    private static Task<Process> StartServeAsync(TestSite site, string workingDirectory) =>
        StartServeAsync(site.Root, workingDirectory, FreePort(), native: null);

    /// <param name="native">A published native executable to start, instead of the JIT build the tests run.</param>
    internal static async Task<Process> StartServeAsync(string root, string workingDirectory, int port, string? native)
    {
        var start = new ProcessStartInfo(native ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (native is null) start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "makers-site.dll"));
        foreach (var argument in new[] { "serve", "--root", root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(argument);
        var serve = Process.Start(start)!;
        var started = new TaskCompletionSource();
        serve.OutputDataReceived += (_, e) => { if (e.Data?.StartsWith("Voorbeeld op", StringComparison.Ordinal) == true) started.TrySetResult(); };
        serve.ErrorDataReceived += (_, _) => { };
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            serve.Kill(entireProcessTree: true);
            serve.Dispose();
            throw;
        }
        return serve;
    }

    /// <summary>The inotify watches a process holds: one "inotify" line per watch in the fdinfo of each inotify descriptor.</summary>
    private static int InotifyWatches(int pid) =>
        new DirectoryInfo($"/proc/{pid}/fd").GetFileSystemInfos()
            .Where(fd => fd.LinkTarget == "anon_inode:inotify")
            .Sum(fd => File.ReadLines($"/proc/{pid}/fdinfo/{fd.Name}").Count(line => line.StartsWith("inotify", StringComparison.Ordinal)));

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
