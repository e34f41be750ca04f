using System.Globalization;
using System.Text;

namespace MakersSite.Search.Indexing;

/// <summary>Minimal, deterministic JSON text for the index files.</summary>
public static class Json
{
    /// <summary>A JSON string; non-ASCII stays literal (the files are UTF-8), control characters and quotes are escaped.</summary>
    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                // Legal in JSON, but line terminators in older JavaScript; and "</" would close a script element.
                case '\u2028' or '\u2029': Escape(sb, c); break;
                case '/' when i > 0 && value[i - 1] == '<': sb.Append("\\/"); break;
                case < ' ': Escape(sb, c); break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    sb.Append(c).Append(value[++i]);
                    break;
                // A lone surrogate has no UTF-8 form: escape it so the text still round-trips.
                case >= '\uD800' and <= '\uDFFF': Escape(sb, c); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>The shortest text that parses back to the same double, like JavaScript's Number#toString.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Escape(StringBuilder sb, char c) => sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
