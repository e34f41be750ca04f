namespace MakersSite.Search.Indexing;

/// <summary>Math functions with JavaScript's exact results, so weights computed here equal lunr.js's bit for bit.</summary>
public static class JavaScriptMath
{
    /// <summary>Math.round: the nearest integer, ties towards +∞ (not to even, not away from zero for negatives).</summary>
    public static double Round(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x;
        var floor = Math.Floor(x);
        return x - floor >= 0.5 ? floor + 1 : floor;
    }

    public static double Log(double x) => Math.Log(x);
}
