using System.Diagnostics;
using MakersSite.Build;
using MakersSite.Content.Diagnostics;
using MakersSite.Content.Loading;
using MakersSite.Content.Scaffolding;
using MakersSite.Content.Schema;

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
          makers-site new company|project|lesson|topic "Naam" [--root MAP]
          makers-site serve [--root MAP] [--port N]
          makers-site schema [--root MAP] [--output MAP]
          makers-site <opdracht> --help

        Opdrachten:
          build   Controleert alle content en bouwt de site in public/.
          check   Controleert alle content en schrijft niets.
          new     Maakt een nieuwe pagina met alle velden en uitleg erbij.
          serve   Toont de site op http://127.0.0.1:8080/ en laadt opnieuw bij elke wijziging.
          schema  Schrijft het inhoudsmodel als JSON Schema, één bestand per soort pagina.

        Afsluitcodes: 0 gelukt, 1 fouten in de content, 2 verkeerd gebruik.
        """;

    private const string BuildHelp = """
        makers-site build: controleert alle content en bouwt de site.

        Gebruik: makers-site build [--root MAP] [--output MAP] [--base-url URL] [--drafts] [--full]

          --root MAP       Map met content/ en themes/ (standaard: de huidige map).
          --output MAP     Waar de site komt (standaard: MAP/public).
          --base-url URL   Webadres van de site, in plaats van baseUrl uit content/site.yml.
          --drafts         Neem ook pagina's met 'draft: true' op.
          --full           Geen snelle herbouw: lees elk bronbestand opnieuw, ook als grootte en
                           tijd gelijk bleven (en herstel wat er met de hand in de uitvoermap
                           veranderd is).

        Een mislukte build laat de vorige public/ onaangeroerd. Is sinds de vorige build alleen de
        tekst van een paar pagina's veranderd, dan bouwt build alleen die pagina's opnieuw.
        """;

    private const string CheckHelp = """
        makers-site check: controleert alle content en schrijft niets.

        Gebruik: makers-site check [--root MAP] [--format text|github|json]

          --root MAP       Map met content/ en themes/ (standaard: de huidige map).
          --format         text (standaard), github (meldingen in een pull request) of json.
        """;

    private const string NewHelp = """
        makers-site new: maakt een nieuwe pagina met alle velden, met uitleg in het Nederlands.

        Gebruik: makers-site new company|project|lesson|topic "Naam" [--root MAP]

          company   een bedrijfsprofiel in content/bedrijven/
          project   een project in content/projecten/
          lesson    een kennisbankartikel in content/kennisbank/
          topic     een onderwerp voor Regio in je Rugzak in content/rugzak/

        De nieuwe pagina staat op 'draft: true' en komt pas op de site als je die regel weghaalt.
        """;

    private const string ServeHelp = """
        makers-site serve: bouwt de site, toont hem op je eigen computer en bouwt opnieuw bij elke wijziging.

        Gebruik: makers-site serve [--root MAP] [--port N]

          --root MAP   Map met content/ en themes/ (standaard: de huidige map).
          --port N     Poort op 127.0.0.1 (standaard 8080).

        Open pagina's laden vanzelf opnieuw. Een fout in de content zie je in de terminal en op de pagina;
        tot je hem verbetert, blijft de laatste goede versie zichtbaar. Stoppen: Ctrl+C.
        """;

    private const string SchemaHelp = """
        makers-site schema [--root MAP] [--output MAP]

        Schrijft het inhoudsmodel als JSON Schema (draft 2020-12): bedrijf, project, kennisbank, rugzak, flat en
        pagina.schema.json, met de Nederlandse titel en uitleg van elk veld, de toegestane waarden uit content/_data/
        en de mapnamen van de pagina's waar een veld naar verwijst. Het is hetzelfde model waarmee check controleert.

          --root MAP     De map van de site (standaard: de huidige map).
          --output MAP   Waar de bestanden komen (standaard: schema/ in de map van de site).
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
            "build" => WithOptions(options, BuildHelp, ["--root", "--output", "--base-url"], ["--drafts", "--full"], stdout, stderr,
                o => RunBuild(o, stdout, stderr)),
            "check" => WithOptions(options, CheckHelp, ["--root", "--format"], [], stdout, stderr,
                o => RunCheck(o, stdout, stderr)),
            "new" => RunNew(options, stdout, stderr),
            "serve" => WithOptions(options, ServeHelp, ["--root", "--port"], [], stdout, stderr, o => RunServe(o, stdout, stderr)),
            "schema" => WithOptions(options, SchemaHelp, ["--root", "--output"], [], stdout, stderr, o => RunSchema(o, stdout, stderr)),
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

        var options = new BuildOptions(root, o.GetValueOrDefault("--output"), baseUrl, IncludeDrafts: o.ContainsKey("--drafts"))
        {
            Reuse = o.ContainsKey("--full") ? Reuse.CacheAfterReading : Reuse.Everything,
            Memory = new ProcessMemoryPolicy(processEndsWithBuild: true),
        };
        var watch = Stopwatch.StartNew();
        // Ctrl+C, a CI cancel (SIGTERM): the build stops at its next step and leaves the output as it was. A second
        // signal ends the process at once, which the staging beside the output makes safe too.
        using var stop = new CancellationTokenSource();
        int? signal = null;
        void OnSignal(System.Runtime.InteropServices.PosixSignalContext context)
        {
            if (signal is not null) return;
            signal = context.Signal == System.Runtime.InteropServices.PosixSignal.SIGINT ? 2 : 15;
            context.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, OnSignal);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, OnSignal);
        var result = new SiteBuilder(Progress(stderr)).Build(options, stop.Token);
        if (result.Interrupted)
        {
            EndProgress(stderr);
            stderr.Write(DiagnosticFormatter.Format(result.Diagnostics, DiagnosticFormat.Text));
            return 128 + (signal ?? 15);
        }
        EndProgress(stderr);
        stderr.Write(DiagnosticFormatter.Format(result.Diagnostics, DiagnosticFormat.Text));
        if (!result.Succeeded)
        {
            stderr.WriteLine($"Build mislukt: {Count(result.Diagnostics)}. De vorige {options.OutputDirectory} is niet aangeraakt.");
            return ContentErrors;
        }
        stdout.WriteLine($"{result.PageCount} pagina's en {result.FileCount} bestanden naar {options.OutputDirectory} in {watch.ElapsedMilliseconds} ms " +
                         (result.QuickRebuild
                             ? $"(snelle herbouw: alleen de tekst van {Pages(result.PageCount - result.PagesKeptUnread)} gewijzigd, {result.FilesWritten} bestanden nieuw of gewijzigd)."
                             : $"({result.SourcesFromCache} bronbestanden en {result.PagesFromCache} pagina's uit de cache, {result.FilesWritten} bestanden nieuw of gewijzigd)."));
        return Success;
    }

    private static string Pages(int count) => count == 1 ? "1 pagina" : $"{count} pagina's";

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

        var result = new SiteBuilder().Build(new BuildOptions(root) { Mode = BuildMode.Check, Memory = new ProcessMemoryPolicy(processEndsWithBuild: true) });
        stdout.Write(DiagnosticFormatter.Format(result.Diagnostics, format.Value));
        if (format == DiagnosticFormat.Text)
            stdout.WriteLine(result.Succeeded ? $"Alles in orde: {result.PageCount} pagina's gecontroleerd. {Count(result.Diagnostics)}." : $"Controle mislukt: {Count(result.Diagnostics)}.");
        return result.Succeeded ? Success : ContentErrors;
    }

    private static int RunNew(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (positional.Length != 2 || !Scaffolds.SectionByKind.ContainsKey(positional[0]))
        {
            if (args.Contains("--help") || args.Contains("-h")) return WithOptions(["--help"], NewHelp, [], [], stdout, stderr, _ => Success);
            return Usage(stderr, $"Geef het soort pagina en de naam, zoals: makers-site new company \"Bakkerij Jansen\".\n\n{NewHelp}");
        }
        return WithOptions(args[2..], NewHelp, ["--root"], [], stdout, stderr, o =>
        {
            var (kind, title) = (positional[0], positional[1].Trim());
            var root = o.GetValueOrDefault("--root") ?? Directory.GetCurrentDirectory();
            if (!Directory.Exists(Path.Combine(root, "content"))) return Usage(stderr, $"In '{root}' staat geen map content/.");
            var relative = Scaffolds.PathFor(kind, title);
            if (relative.Contains("//", StringComparison.Ordinal))
                return Usage(stderr, $"Van de naam '{title}' kan geen mapnaam worden gemaakt. Gebruik letters of cijfers.");
            var path = Path.Combine(root, relative);
            if (Directory.Exists(Path.GetDirectoryName(path)))
                return Usage(stderr, $"De map {Path.GetDirectoryName(relative)} bestaat al. Kies een andere naam of pas de bestaande pagina aan.");

            var vocabularies = new ContentLoader(Path.GetFullPath(root), new DiagnosticBag()).LoadVocabularies();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Scaffolds.For(kind, title, vocabularies, BuildDate.Default()));
            stdout.WriteLine($"Aangemaakt: {relative}");
            if (kind == "company" && CodeOwners.AddCompany(root, Path.GetFileName(Path.GetDirectoryName(path))!) is { } owners)
                stdout.WriteLine($"Toegevoegd aan {owners}: de map van het bedrijf. Zet daar het GitHub-account van het bedrijf achter.");
            stdout.WriteLine("Vul de velden in, haal 'draft: true' weg en controleer met: makers-site check");
            return Success;
        });
    }

    private static int RunSchema(Dictionary<string, string?> o, TextWriter stdout, TextWriter stderr)
    {
        var root = Path.GetFullPath(o.GetValueOrDefault("--root") ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(Path.Combine(root, "content"))) return Usage(stderr, $"In '{root}' staat geen map content/.");
        var output = Path.GetFullPath(o.GetValueOrDefault("--output") ?? Path.Combine(root, "schema"));
        var diagnostics = new DiagnosticBag();
        var vocabularies = new ContentLoader(root, diagnostics).LoadVocabularies();
        if (diagnostics.HasErrors)
        {
            stderr.Write(DiagnosticFormatter.Format(diagnostics.Sorted(), DiagnosticFormat.Text));
            return ContentErrors;
        }
        var slugs = JsonSchemaExport.SiteSlugs(root);
        Directory.CreateDirectory(output);
        foreach (var (name, section, _) in JsonSchemaExport.Kinds)
        {
            var file = Path.Combine(output, $"{name}.schema.json");
            File.WriteAllText(file, JsonSchemaExport.Text(JsonSchemaExport.For(section, vocabularies, slugs)));
            stdout.WriteLine($"Geschreven: {Path.GetRelativePath(Directory.GetCurrentDirectory(), file)}");
        }
        return Success;
    }

    private static int RunServe(Dictionary<string, string?> o, TextWriter stdout, TextWriter stderr)
    {
        var root = Path.GetFullPath(o.GetValueOrDefault("--root") ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(Path.Combine(root, "content"))) return Usage(stderr, $"In '{root}' staat geen map content/.");
        var portText = o.GetValueOrDefault("--port") ?? "8080";
        if (!int.TryParse(portText, out var port) || port is < 1 or > 65535) return Usage(stderr, $"--port moet een getal van 1 tot 65535 zijn, niet '{portText}'.");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        // kill, docker stop, an editor's stop button: SIGTERM must end serve too. Kestrel's host takes SIGTERM to stop
        // itself only, which left the process waiting here for a Ctrl+C that never comes.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context => { context.Cancel = true; stop.Cancel(); });
        var session = ServeSession.StartAsync(root, port, stderr).GetAwaiter().GetResult();
        stdout.WriteLine($"Voorbeeld op {session.BaseUrl} (alleen op deze computer). Stoppen: Ctrl+C.");
        try { Task.Delay(Timeout.Infinite, stop.Token).GetAwaiter().GetResult(); }
        catch (OperationCanceledException) { }
        session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return Success;
    }

    private static string Count(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        return $"{errors} {(errors == 1 ? "fout" : "fouten")}, {warnings} {(warnings == 1 ? "waarschuwing" : "waarschuwingen")}";
    }

    /// <summary>On a terminal: one line that updates in place. Otherwise (CI, pipes): one plain line per phase.</summary>
    /// <remarks>Plain lines carry the milliseconds since the start, so CI logs and benchmarks show where time goes.</remarks>
    private static Action<string> Progress(TextWriter stderr)
    {
        if (!Console.IsErrorRedirected && stderr == Console.Error) return phase => stderr.Write($"\r\u001b[2K[makers-site] {phase}…");
        var clock = Stopwatch.StartNew();
        return phase => stderr.WriteLine($"[makers-site] {clock.ElapsedMilliseconds,6} ms {phase}");
    }

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
