namespace MakersSite.Output;

/// <summary>Drops every event handler attribute: templates escape content, and no on* attribute reaches public/ either way.</summary>
internal sealed class AttributeSafety : PageTransform
{
    public static readonly AttributeSafety Instance = new();

    public override void EditAttributes(int ordinal, string name, List<(string Name, string Value)> attributes) =>
        attributes.RemoveAll(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
}
