namespace MakersSite.Benchmarks;

/// <summary>
/// The same Markdown as a Hugo site, for Hugo (Debian's package) as a peer in the same run: every page, its
/// section lists and the sector, municipality and aspect term pages, through a small theme of the same shape as
/// ours (base layout with header and footer, single page, lists of cards). Hugo makes no search index and no
/// share images; its RSS and sitemap stay on, as ours writes feeds and a sitemap.
/// </summary>
public static class HugoSite
{
    public static void Prepare(string ourSite, string hugoSite)
    {
        Trash.Move(hugoSite);
        var from = Path.Combine(ourSite, "content");
        foreach (var file in Directory.GetFiles(from, "*.md", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("_data", StringComparison.Ordinal)) continue;
            // Section pages are _index.md in Hugo; ours are content/SECTION/_index.md too, bundles index.md.
            var target = Path.Combine(hugoSite, "content", relative == "index.md" ? "_index.md" : relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Write(hugoSite, "hugo.yaml", """
            baseURL: "https://www.landvandemakers.nl/"
            languageCode: "nl"
            title: "Land van de Makers (benchmark)"
            # Articles dated after today are published by makers-site too.
            buildFuture: true
            taxonomies:
              sector: sectors
              gemeente: municipality
              aspect: aspects
            """);
        Write(hugoSite, "layouts/_default/baseof.html", """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ .Title }} – {{ site.Title }}</title><meta name="description" content="{{ .Summary | plainify }}">
            <link rel="canonical" href="{{ .Permalink }}"></head>
            <body><header><a href="/">{{ site.Title }}</a><nav><a href="/bedrijven/">Bedrijven</a> <a href="/kennisbank/">Kennisbank</a></nav></header>
            <main>{{ block "main" . }}{{ end }}</main>
            <footer><p>{{ site.Title }}</p></footer></body></html>
            """);
        Write(hugoSite, "layouts/_default/single.html", """
            {{ define "main" }}<article><h1>{{ .Title }}</h1>
            {{ with .Params.place }}<p class="meta">{{ . }}{{ range $.Params.sectors }} · <a href="{{ (printf "/sectors/%s/" .) | relURL }}">{{ . }}</a>{{ end }}</p>{{ end }}
            {{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
            <div class="prose">{{ .Content }}</div></article>{{ end }}
            """);
        Write(hugoSite, "layouts/_default/list.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
            <ul class="cards">{{ range .Pages }}<li class="card"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
            {{ with .Params.place }}<p class="meta">{{ . }}</p>{{ end }}{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ul>{{ end }}
            """);
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
