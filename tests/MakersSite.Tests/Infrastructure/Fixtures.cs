namespace MakersSite.Tests.Infrastructure;

/// <summary>Valid front matter for each content type, for tests to start from and change one thing in.</summary>
public static class Fixtures
{
    public static string Company(string title = "Testfabriek", string extra = "", string body = "Wij maken machines.") => $"""
        ---
        title: "{title}"
        summary: "Een testbedrijf."
        place: "Venlo"
        municipality: venlo
        sectors:
          - machinebouw
        {extra}
        ---
        {body}

        """;

    public static string Project(string flat = "techniek", string extra = "") => $"""
        ---
        title: "Testproject"
        summary: "Een testproject."
        flat: {flat}
        status: lopend
        {extra}
        ---
        Over het project.

        """;

    public static string Flat(string title = "Techniek", int order = 1) => $"""
        ---
        title: "{title}"
        summary: "Een flat."
        order: {order}
        ---
        Over de flat.

        """;

    public static string Topic(string aspect = "productie", string extra = "") => $"""
        ---
        title: "Productie"
        summary: "Zo maak je iets."
        aspect: {aspect}
        audience:
          - vo
        {extra}
        ---
        Kort en duidelijk.

        """;

    public static string Lesson(string extra = "") => $"""
        ---
        title: "Een les"
        summary: "Wat we leerden."
        date: 2024-03-01
        lessons:
          - "Eén."
          - "Twee."
          - "Drie."
        sources:
          - title: "Een verslag"
        {extra}
        ---
        Tekst.

        """;
}
