using System.Globalization;

namespace MakersSite.Content.Text;

/// <summary>
/// A period as <see cref="Schema.PeriodType"/> keeps it: "2015", "2022-2024" or "2024-03-01". Facts from a source are
/// dated as the source dates them, so a year stays a year and is never made into a day.
/// </summary>
public readonly record struct Period(DateOnly Start, DateOnly End, string Written)
{
    public static Period? Parse(string written)
    {
        if (written.Length == 4 && int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1000)
            return new Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), written);
        if (written.Length == 9 && written[4] == '-' && Parse(written[..4]) is { } first && Parse(written[5..]) is { } last)
            return first.Start <= last.Start ? new Period(first.Start, last.End, written) : null;
        return DateOnly.TryParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new Period(day, day, written) : null;
    }

    public bool IsDay => Start == End;

    /// <summary>Dutch text: "2015", "2022–2024", "1 maart 2024".</summary>
    public string Dutch => IsDay ? DutchDates.Long(Start) : Written.Replace('-', '–');

    /// <summary>ISO 8601 as schema.org's temporalCoverage takes it: "2015", "2022/2024", "2024-03-01".</summary>
    public string Iso => IsDay ? Written : Written.Replace('-', '/');
}
