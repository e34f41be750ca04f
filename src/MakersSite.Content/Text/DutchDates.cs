namespace MakersSite.Content.Text;

/// <summary>Dutch date text, fixed here so output never depends on the machine's culture data.</summary>
public static class DutchDates
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static string Long(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
