using System.Diagnostics;
using MakersSite.Build;
using MakersSite.Content.Diagnostics;

namespace MakersSite.Cli;

/// <summary>The makers-site command line. Exit codes: 0 success, 1 content errors, 2 usage errors.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    private const string MainHelp = """
        makers-site: bouwt de site van Land van de Makers uit content/ en themes/.

        Gebruik:
          makers-site build [--root MAP] [--output MAP] [--base-url URL] [--drafts]
          makers-site check [--root MAP] [--format text|github|json]
          makers-site <opdracht> --help

        Opdrachten:
          build   Controleert alle content en bouwt de site in public/.
          check   Controleert alle content en schrijft niets.

        Afsluitcodes: 0 gelukt, 1 fouten in de content, 2 verkeerd gebruik.
        """;

    private const string BuildHelp = """
        makers-site build: controleert alle content en bouwt de site.

        Gebruik: makers-site build [--root MAP] [--output MAP] [--base-url URL] [--drafts]

          --root MAP       Map met content/ en themes/ (standaard: de huidige map).
          --output MAP     Waar de site komt (standaard: MAP/public).
          --base-url URL   Webadres van de site, in plaats van baseUrl uit content/site.yml.
          --drafts         Neem ook pagina's met 'draft: true' op.

        Een mislukte build laat de vorige public/ onaangeroerd.
        """;

    private const string CheckHelp = """
        makers-site check: controleert alle content en schrijft niets.

        Gebruik: makers-site check [--root MAP] [--format text|github|json]

          --root MAP       Map met content/ en themes/ (standaard: de huidige map).
          --format         text (standaard), github (meldingen in een pull request) of json.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            (args.Length == 0 ? stderr : stdout).Write(MainHelp);
            return args.Length == 0 ? UsageError : Success;
        }

        var command = args[0];
        var options = args[1..];
        return command switch
        {
            "build" => WithOptions(options, BuildHelp, ["--root", "--output", "--base-url"], ["--drafts"], stdout, stderr,
                o => RunBuild(o, stdout, stderr)),
            "check" => WithOptions(options, CheckHelp, ["--root", "--format"], [], stdout, stderr,
                o => RunCheck(o, stdout, stderr)),
            _ => Usage(stderr, $"Onbekende opdracht '{command}'. Gebruik 'makers-site --help' voor de opdrachten."),
        };
    }

    private static int WithOptions(string[] args, string help, string[] valued, string[] flags,
        TextWriter stdout, TextWriter stderr, Func<Dictionary<string, string?>, int> action)
    {
        var parsed = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                stdout.Write(help);
                return Success;
            }
            var split = arg.IndexOf('=');
            var name = split > 0 ? arg[..split] : arg;
            if (valued.Contains(name))
            {
                string? value = split > 0 ? arg[(split + 1)..] : i + 1 < args.Length ? args[++i] : null;
                if (string.IsNullOrEmpty(value)) return Usage(stderr, $"Optie {name} heeft een waarde nodig.");
                parsed[name] = value;
            }
            else if (flags.Contains(arg))
            {
                parsed[arg] = null;
            }
            else
            {
                return Usage(stderr, $"Onbekende optie '{arg}'.\n\n{help}");
            }
        }
        return action(parsed);
    }

    private static int RunBuild(Dictionary<string, string?> o, TextWriter stdout, TextWriter stderr)
    {
        if (o.TryGetValue("--base-url", out var baseUrl) && !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
            return Usage(stderr, $"--base-url moet een volledig webadres zijn, zoals https://www.landvandemakers.nl/, niet '{baseUrl}'.");
        var root = o.GetValueOrDefault("--root") ?? Directory.GetCurrentDirectory();
        if (!Directory.Exists(root)) return Usage(stderr, $"De map '{root}' bestaat niet.");

        var options = new BuildOptions(root, o.GetValueOrDefault("--output"), baseUrl, IncludeDrafts: o.ContainsKey("--drafts"));
        var watch = Stopwatch.StartNew();
        var result = new SiteBuilder(Progress(stderr)).Build(options);
        EndProgress(stderr);
        stderr.Write(DiagnosticFormatter.Format(result.Diagnostics, DiagnosticFormat.Text));
        if (!result.Succeeded)
        {
            stderr.WriteLine($"Build mislukt: {Count(result.Diagnostics)}. De vorige {options.OutputDirectory} is niet aangeraakt.");
            return ContentErrors;
        }
        stdout.WriteLine($"{result.PageCount} pagina's en {result.FileCount} bestanden geschreven naar {options.OutputDirectory} in {watch.ElapsedMilliseconds} ms.");
        return Success;
    }

    private static int RunCheck(Dictionary<string, string?> o, TextWriter stdout, TextWriter stderr)
    {
        var format = o.GetValueOrDefault("--format") switch
        {
            null or "text" => DiagnosticFormat.Text,
            "github" => DiagnosticFormat.GitHub,
            "json" => DiagnosticFormat.Json,
            var other => (DiagnosticFormat?)null,
        };
        if (format is null) return Usage(stderr, $"--format moet text, github of json zijn, niet '{o["--format"]}'.");
        var root = o.GetValueOrDefault("--root") ?? Directory.GetCurrentDirectory();
        if (!Directory.Exists(root)) return Usage(stderr, $"De map '{root}' bestaat niet.");

        var result = new SiteBuilder().Build(new BuildOptions(root, WriteOutput: false));
        stdout.Write(DiagnosticFormatter.Format(result.Diagnostics, format.Value));
        if (format == DiagnosticFormat.Text)
            stdout.WriteLine(result.Succeeded ? $"Alles in orde: {result.PageCount} pagina's gecontroleerd. {Count(result.Diagnostics)}." : $"Controle mislukt: {Count(result.Diagnostics)}.");
        return result.Succeeded ? Success : ContentErrors;
    }

    private static string Count(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        return $"{errors} {(errors == 1 ? "fout" : "fouten")}, {warnings} {(warnings == 1 ? "waarschuwing" : "waarschuwingen")}";
    }

    /// <summary>On a terminal: one line that updates in place. Otherwise (CI, pipes): one plain line per phase.</summary>
    private static Action<string> Progress(TextWriter stderr) => Console.IsErrorRedirected || stderr != Console.Error
        ? phase => stderr.WriteLine($"[makers-site] {phase}")
        : phase => stderr.Write($"\r\u001b[2K[makers-site] {phase}…");

    private static void EndProgress(TextWriter stderr)
    {
        if (!Console.IsErrorRedirected && stderr == Console.Error) stderr.Write("\r\u001b[2K");
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return UsageError;
    }
}
