using System.Text;
using MakersSite.Content.Text;

namespace MakersSite.Output;

/// <summary>Gives h2–h4 in the prose an id and a visible "#" link, so sections can be linked to.</summary>
internal sealed class HeadingAnchors : PageTransform
{
    private sealed class Heading(int ordinal)
    {
        public int Ordinal { get; } = ordinal;
        public StringBuilder Text { get; } = new();
        public string Id { get; set; } = "";
    }

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<Heading> _headings = [];
    private readonly List<Heading> _open = [];
    private readonly Dictionary<int, Heading> _byOrdinal = [];

    public override void Start(in ElementStart element)
    {
        var id = element.GetAttribute("id");
        if (id.Length > 0) _ids.Add(id);
        if (element.Name is "h2" or "h3" or "h4" && element.InProse && id.Length == 0)
        {
            var heading = new Heading(element.Ordinal);
            _headings.Add(heading);
            _open.Add(heading);
        }
    }

    public override void Text(string data, int depth)
    {
        foreach (var heading in _open) heading.Text.Append(data);
    }

    public override void End(int ordinal, string name, int depth)
    {
        if (_open.Count > 0 && _open[^1].Ordinal == ordinal) _open.RemoveAt(_open.Count - 1);
    }

    /// <summary>Ids in document order, each the slug of the heading's text made unique among every id of the page.</summary>
    public override void Read()
    {
        foreach (var heading in _headings)
        {
            var baseId = Slug.From(heading.Text.ToString());
            if (baseId.Length == 0) baseId = "kop";
            var id = baseId;
            for (var n = 2; !_ids.Add(id); n++) id = $"{baseId}-{n}";
            heading.Id = id;
            _byOrdinal[heading.Ordinal] = heading;
        }
    }

    /// <summary>The id this step gave the heading at <paramref name="ordinal"/>, once the page is read; null for other elements.</summary>
    public string? IdOf(int ordinal) => _byOrdinal.TryGetValue(ordinal, out var heading) ? heading.Id : null;

    public override void EditAttributes(int ordinal, string name, List<(string Name, string Value)> attributes)
    {
        if (!_byOrdinal.TryGetValue(ordinal, out var heading)) return;
        var existing = attributes.FindIndex(a => a.Name == "id");
        if (existing >= 0) attributes[existing] = ("id", heading.Id);
        else attributes.Add(("id", heading.Id));
    }

    public override AppendedElement? AppendTo(int ordinal) =>
        _byOrdinal.TryGetValue(ordinal, out var heading)
            ? new AppendedElement("a", [("class", "anchor"), ("href", "#" + heading.Id), ("aria-label", $"Link naar ‘{heading.Text.ToString().Trim()}’")], "#")
            : null;
}
