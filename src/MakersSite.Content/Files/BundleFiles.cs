using MakersSite.Content.Diagnostics;

namespace MakersSite.Content.Files;

/// <summary>
/// Which files beside a page are published, by allow-list: a page folder comes from a member's pull request and is
/// served from the site's own origin, where an HTML page, an SVG or a script could read "Mijn rugzak" or take over
/// the offline worker. Images (checked by their bytes and size), PDF documents and plain text pass; anything else,
/// hidden files, links and special files are errors naming the file, in check and build alike.
/// </summary>
public static class BundleFiles
{
    public const long MaxImageBytes = 5 * 1024 * 1024;
    public const long MaxDocumentBytes = 10 * 1024 * 1024;
    public const long MaxTextBytes = 1024 * 1024;
    public const long MaxBundleBytes = 40 * 1024 * 1024;
    public const int MaxImageSide = 10_000;
    public const long MaxImagePixels = 40_000_000;

    private static readonly HashSet<string> ImageExtensions = new([".png", ".jpg", ".jpeg", ".gif", ".webp"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> TextExtensions = new([".txt", ".csv"], StringComparer.OrdinalIgnoreCase);

    public static bool IsImageName(string name) => ImageExtensions.Contains(Path.GetExtension(name));

    /// <summary>The publishable files of a page's folder (index.md left out), relative to it, in ordinal order.</summary>
    /// <param name="relative">Turns a full path into the site-relative one that messages name.</param>
    /// <param name="checkedImages">Images the page's fields name, whose content the field check already reported on.</param>
    public static List<string> List(string bundle, Func<string, string> relative, DiagnosticBag diagnostics, IReadOnlySet<string> checkedImages)
    {
        var tree = ContentTree.Walk(bundle);
        // Links anywhere in content/ are reported by the loader's walk of the whole tree, and Markdown files are pages
        // (or misplaced ones, which the loader reports): here both are left out.
        var names = tree.Files.Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).ToList();
        var published = names.Where(f => Check(f, relative(f), diagnostics, checkedImages.Contains(f))).ToList();
        var total = published.Sum(f => new FileInfo(f).Length);
        if (total > MaxBundleBytes)
            diagnostics.Error(relative(Path.Combine(bundle, "index.md")), 0, 0, null,
                $"De bestanden naast deze pagina zijn samen {Megabytes(total)} MB; het maximum is {MaxBundleBytes / (1024 * 1024)} MB. " +
                "Verklein foto's of haal bestanden weg die de pagina niet gebruikt.");
        return published.Select(f => Path.GetRelativePath(bundle, f).Replace('\\', '/')).ToList();
    }

    /// <summary>Whether one file may be published beside its page; reports why not.</summary>
    /// <param name="file">The file as messages name it (relative to the site).</param>
    /// <param name="contentChecked">An image whose bytes were checked already (a field names it).</param>
    public static bool Check(string path, string file, DiagnosticBag diagnostics, bool contentChecked = false)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name);
        string? problem = FileStatus.TryGet(path, followLinks: false, out var kind, out var size, out _) ? kind switch
        {
            FileKind.Link => LinkMessage(name),
            FileKind.File => null,
            _ => SpecialFileMessage(name),
        } : $"Het bestand '{name}' kon niet gelezen worden. Controleer of het bestaat.";
        // A tab or line break in a name would also break the output's manifest and journal, which are lines of fields.
        if (problem is null && file.Any(char.IsControl))
            problem = $"De naam van het bestand '{new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray())}' bevat een onzichtbaar teken (zoals een tab of een nieuwe regel). " +
                      "Geef het een naam met alleen letters, cijfers, streepjes en punten.";
        if (problem is null && file.Split('/').Any(part => part.StartsWith('.')))
            problem = $"'{name}' is een verborgen bestand of staat in een verborgen map (de naam begint met een punt). " +
                      "Verborgen bestanden worden niet gepubliceerd; haal het weg uit de map.";
        problem ??= ImageExtensions.Contains(extension) ? (contentChecked ? null : ImageProblem(path, name, size))
            : extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase) ? PdfProblem(path, name, size)
            : TextExtensions.Contains(extension) ? SizeProblem(name, size, MaxTextBytes, "een tekstbestand", "Maak het bestand kleiner.")
            : $"'{name}' mag niet naast een pagina staan. Alleen afbeeldingen (PNG, JPEG, WebP, GIF), PDF-documenten en " +
              "tekstbestanden (.txt, .csv) worden gepubliceerd: HTML-, SVG-, script- en serverbestanden kunnen code uitvoeren op de site. " +
              "Haal het bestand weg of zet de tekst in index.md.";
        if (problem is null) return true;
        diagnostics.Error(file, 0, 0, null, problem);
        return false;
    }

    public static string SpecialFileMessage(string name) =>
        $"'{name}' is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp). Verwijder het uit de map.";

    /// <summary>A character no text of the site needs and that can hide what text says: a control character
    /// (tab and newline aside) or one that reverses the reading direction.</summary>
    public static bool IsInvisibleControl(char c) => c is not ('\t' or '\n') && char.IsControl(c);

    public static bool IsDirectionOverride(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static string LinkMessage(string name) =>
        $"'{name}' is een snelkoppeling (symbolische link) naar een ander bestand of een andere map. Die zijn in content/ niet " +
        "toegestaan, omdat ze naar bestanden buiten de site kunnen wijzen. Zet het bestand zelf in de map.";

    /// <summary>Why an image cannot be shown, or null: its bytes must be an image, within the size limits.</summary>
    public static string? ImageProblem(string path, string name, long size)
    {
        if (SizeProblem(name, size, MaxImageBytes, "een afbeelding", "Verklein de afbeelding.") is { } tooLarge) return tooLarge;
        var header = ImageHeader.Read(path);
        if (header is null)
            return $"'{name}' is geen afbeelding die de site kan tonen. Gebruik een PNG-, JPEG-, WebP- of GIF-bestand.";
        if (header.Width > MaxImageSide || header.Height > MaxImageSide || (long)header.Width * header.Height > MaxImagePixels)
            return $"'{name}' is {header.Width} × {header.Height} pixels; een afbeelding mag hoogstens 10.000 pixels breed " +
                   $"of hoog zijn en {MaxImagePixels / 1_000_000} megapixel groot. Verklein de afbeelding.";
        return null;
    }

    private static string? PdfProblem(string path, string name, long size)
    {
        if (SizeProblem(name, size, MaxDocumentBytes, "een PDF-document", "Maak het bestand kleiner.") is { } tooLarge) return tooLarge;
        Span<byte> head = stackalloc byte[5];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 5, throwOnEndOfStream: false) == 5 && head.SequenceEqual("%PDF-"u8) ? null
            : $"'{name}' heet een PDF-document, maar de inhoud is dat niet. Sla het document opnieuw op als PDF.";
    }

    private static string? SizeProblem(string name, long size, long maximum, string what, string fix) => size <= maximum ? null
        : $"'{name}' is {Megabytes(size)} MB; {what} mag hoogstens {maximum / (1024 * 1024)} MB zijn. {fix}";

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
