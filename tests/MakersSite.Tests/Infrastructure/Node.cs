using System.Diagnostics;

namespace MakersSite.Tests.Infrastructure;

/// <summary>Runs the real lunr.js (from the theme's node_modules) in node, for conformance tests.</summary>
public static class Node
{
    public static string ModulesDirectory => Path.Combine(Repository.Root, "themes", "default", "node_modules");

    public static string ScriptPath(string name) => Path.Combine(Repository.Root, "tests", "MakersSite.Tests", "Search", "node", name);

    /// <summary>Runs a script from tests/MakersSite.Tests/Search/node with <paramref name="input"/> on stdin; returns stdout.</summary>
    public static string Run(string script, string input, params string[] args) => RunFile(ScriptPath(script), input, args);

    /// <summary>Runs the node script at <paramref name="path"/> with <paramref name="input"/> on stdin; returns stdout.</summary>
    public static string RunFile(string path, string input, params string[] args)
    {
        var script = Path.GetFileName(path);
        if (!Directory.Exists(Path.Combine(ModulesDirectory, "lunr")))
            throw new InvalidOperationException($"lunr ontbreekt in {ModulesDirectory}: run 'npm ci' in themes/default (dotnet build doet dat zelf).");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(path);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NODE_PATH"] = ModulesDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
