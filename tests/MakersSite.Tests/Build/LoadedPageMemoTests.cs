using MakersSite.Content.Diagnostics;
using MakersSite.Content.Loading;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>`serve` keeps loaded pages between rebuilds: only pages whose bundle or vocabularies changed load again.</summary>
public sealed class LoadedPageMemoTests : IDisposable
{
    private readonly TestSite _site = TestSite.FromDefaultContent();
    private readonly LoadedPageMemo _memo = new();

    private (Dictionary<string, MakersSite.Content.Model.Page> Pages, IReadOnlyList<Diagnostic> Diagnostics) Load()
    {
        var diagnostics = new DiagnosticBag();
        var content = new ContentLoader(_site.Root, diagnostics, _memo).Load();
        return (content?.Pages.ToDictionary(p => p.SourceFile) ?? [], diagnostics.Sorted());
    }

    [Fact]
    public void Unchanged_pages_are_reused_an_edited_one_is_loaded_again_and_its_errors_are_reported_every_time()
    {
        var first = Load();
        const string edited = "content/bedrijven/leolux/index.md";
        var path = Path.Combine(_site.Root, edited);
        File.WriteAllText(path, File.ReadAllText(path).Replace("title: \"Leolux\"", "title: \"Leolux BV\""));

        var second = Load();

        Assert.Same(first.Pages["content/bedrijven/sudryso/index.md"], second.Pages["content/bedrijven/sudryso/index.md"]);
        Assert.NotSame(first.Pages[edited], second.Pages[edited]);
        Assert.Equal("Leolux BV", second.Pages[edited].Title);

        File.WriteAllText(path, File.ReadAllText(path).Replace("municipality: venlo", "municipality: atlantis"));
        Assert.Contains(Load().Diagnostics, d => d.File == edited && d.Field == "municipality");
        Assert.Contains(Load().Diagnostics, d => d.File == edited && d.Field == "municipality");
    }

    [Fact]
    public void A_changed_vocabulary_loads_every_page_again()
    {
        var first = Load();
        var sectors = Path.Combine(_site.Root, "content", "_data", "sectors.yml");
        File.AppendAllText(sectors, "- slug: nieuwe-sector\n  name: Nieuwe sector\n");

        var second = Load();

        Assert.All(second.Pages, p => Assert.NotSame(first.Pages[p.Key], p.Value));
    }

    [Fact]
    public void Section_pages_are_read_every_time_so_a_removed_file_they_show_is_reported_while_unchanged_bundles_are_reused()
    {
        // Told exactly what changed (as serve's watcher tells it): only the removed file beside the section page.
        var banner = Path.Combine(_site.Root, "content", "rugzak", "banner.png");
        File.WriteAllBytes(banner, TestImages.Png(64, 32));
        File.AppendAllText(Path.Combine(_site.Root, "content", "rugzak", "_index.md"), "\n![Een rugzak vol werk](banner.png)\n");
        var first = Load();
        Assert.Empty(first.Diagnostics);
        Assert.Equal(["banner.png"], first.Pages["content/rugzak/_index.md"].BundleFiles);
        File.Delete(banner);
        _memo.BeginLoad([banner]);

        var second = Load();

        var error = Assert.Single(second.Diagnostics);
        Assert.Equal("content/rugzak/_index.md", error.File);
        Assert.Equal("Het bestand 'banner.png' bestaat niet in de map van deze pagina. Controleer de naam of voeg het bestand toe.", error.Message);
        Assert.Same(first.Pages["content/rugzak/engineering/index.md"], second.Pages["content/rugzak/engineering/index.md"]);
    }

    [Fact]
    public void With_the_changed_files_known_only_their_pages_are_looked_at_and_an_added_file_means_looking_at_all()
    {
        var first = Load();
        var leolux = Path.Combine(_site.Root, "content", "bedrijven", "leolux", "index.md");
        var sudryso = Path.Combine(_site.Root, "content", "bedrijven", "sudryso", "index.md");
        File.WriteAllText(leolux, File.ReadAllText(leolux).Replace("title: \"Leolux\"", "title: \"Leolux BV\""));
        File.WriteAllText(sudryso, File.ReadAllText(sudryso).Replace("title: \"Sudryso\"", "title: \"Sudryso BV\""));

        // Told that only Leolux changed, the load trusts that and does not open Sudryso's files.
        _memo.BeginLoad([leolux]);
        var second = Load();
        Assert.Equal("Leolux BV", second.Pages["content/bedrijven/leolux/index.md"].Title);
        Assert.Same(first.Pages["content/bedrijven/sudryso/index.md"], second.Pages["content/bedrijven/sudryso/index.md"]);

        // Not told exactly (something was added, removed or renamed): every page is looked at.
        _memo.BeginLoad(null);
        Assert.Equal("Sudryso BV", Load().Pages["content/bedrijven/sudryso/index.md"].Title);
    }

    public void Dispose() => _site.Dispose();
}
