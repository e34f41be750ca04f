using MakersSite.Cli;
using MakersSite.Content.Scaffolding;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Cli;

/// <summary>The repository's own member workflow: owners per company folder, the guide, the pull-request check.</summary>
public sealed class MemberWorkflowTests
{
    [Fact]
    public void Every_company_folder_has_its_own_codeowners_line()
    {
        var owned = CodeOwners.OwnedPatterns(Repository.Root);
        var companies = Directory.GetDirectories(Path.Combine(Repository.Root, "content", "bedrijven")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        var missing = companies.Where(slug => !owned.Contains(CodeOwners.CompanyPattern(slug!))).ToList();
        Assert.True(missing.Count == 0, $"Geen regel in .github/CODEOWNERS voor: {string.Join(", ", missing)}");
    }

    [Fact]
    public void New_company_adds_its_folder_to_codeowners()
    {
        using var site = TestSite.FromDefaultContent();
        site.Write(".github/CODEOWNERS", "* @land-van-de-makers/redactie\n/content/bedrijven/leolux/ @land-van-de-makers/redactie");
        var stdout = new StringWriter();

        Assert.Equal(CommandLine.Success, CommandLine.Run(["new", "company", "Bakkerij Jansen", "--root", site.Root], stdout, new StringWriter()));

        Assert.Equal(
            "* @land-van-de-makers/redactie\n/content/bedrijven/leolux/ @land-van-de-makers/redactie\n/content/bedrijven/bakkerij-jansen/ @land-van-de-makers/redactie\n",
            File.ReadAllText(Path.Combine(site.Root, ".github", "CODEOWNERS")));
        Assert.Contains("Toegevoegd aan .github/CODEOWNERS", stdout.ToString());
    }

    [Fact]
    public void The_pull_request_workflow_runs_check_with_github_annotations()
    {
        var workflow = File.ReadAllText(Path.Combine(Repository.Root, ".github", "workflows", "pull-request.yml"));
        var lines = workflow.Split('\n').Select(l => l.Trim()).ToList();

        Assert.Contains("pull_request:", lines);
        Assert.Contains("run: ./makers-site check --format github", lines);
        Assert.True(File.Exists(Path.Combine(Repository.Root, ".github", "PULL_REQUEST_TEMPLATE.md")));
        // The generator's tests run behind the decision of .ci/changed-code, and only there.
        var tests = lines.IndexOf("run: bash .ci/run");
        Assert.Equal("if: steps.changed.outputs.code == 'true'", lines[tests - 1]);
        Assert.Contains("run: git diff --name-only \"origin/$BASE...HEAD\" | .ci/changed-code >> \"$GITHUB_OUTPUT\"", lines);
    }

    [Theory]
    [InlineData("content/bedrijven/leolux/index.md\ncontent/bedrijven/leolux/logo.png\n", "code=false")]
    [InlineData("content/site.yml\n", "code=false")]
    [InlineData("content/bedrijven/leolux/index.md\nsrc/MakersSite.Cli/Program.cs\n", "code=true")]
    [InlineData("themes/default/layouts/index.liquid\n", "code=true")]
    [InlineData(".github/workflows/pull-request.yml\n", "code=true")]
    [InlineData("tests/fixtures/zoeken/README.md\n", "code=true")]
    [InlineData("contentx/file.md\n", "code=true")]
    [InlineData("", "code=false")]
    public void A_pull_request_that_changes_only_content_skips_the_generators_tests(string changed, string expected) =>
        Assert.Equal(expected + "\n", Script("changed-code", changed));

    /// <summary>Runs a script of .ci/ with <paramref name="input"/> on stdin; returns stdout, and fails on a non-zero exit.</summary>
    private static string Script(string name, string input, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, ".ci", name));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }

    [Fact]
    public void The_preview_names_the_pages_a_pull_requests_paths_change()
    {
        var changed = "content/bedrijven/leolux/index.md\ncontent/bedrijven/leolux/logo.png\ncontent/rugzak/_index.md\ncontent/over/index.md\n" +
                      "src/MakersSite.Cli/Program.cs\ncontent/_data/sectors.yml\ncontent/bedrijven/Geen Slug/index.md\ncontent/bedrijven/leolux/index.md\n";

        Assert.Equal("/\n/bedrijven/leolux/\n/over/\n/rugzak/\n", Script("changed-pages", changed));
    }

    [Fact]
    public void The_preview_comment_links_each_changed_page_and_its_share_image_and_drops_what_is_no_address()
    {
        using var site = TestSite.FromDefaultContent();
        Assert.True(site.Build().Succeeded);
        var image = site.Html("bedrijven/leolux/index.html").QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        var name = image[(image.LastIndexOf('/') + 1)..];

        var comment = Script("preview-comment", "/bedrijven/leolux/\n/bedrijven/weg/\n/x\"><script>/\n[link](https://elders.example)\n",
            "https://voorbeelden.example.org/", "12", site.Output);

        Assert.Equal(
            "**Voorbeeld van deze wijziging**: https://voorbeelden.example.org/pr-12/\n\n" +
            $"- [/bedrijven/leolux/](https://voorbeelden.example.org/pr-12/bedrijven/leolux/) · [deelafbeelding](https://voorbeelden.example.org/pr-12/social/{name})\n" +
            "- `/bedrijven/weg/` staat niet meer op de site (verwijderd of concept)\n",
            comment);
    }

    [Fact]
    public void The_preview_is_built_without_secrets_and_published_by_a_separate_run_that_executes_none_of_the_pull_requests_code()
    {
        var build = File.ReadAllText(Path.Combine(Repository.Root, ".github", "workflows", "pull-request.yml"));
        var publish = File.ReadAllText(Path.Combine(Repository.Root, ".github", "workflows", "preview.yml"));

        Assert.Contains("on:\n  pull_request:\n", build);
        Assert.DoesNotContain("secrets.", build);
        Assert.DoesNotContain("pull_request_target", build + publish);
        Assert.Contains("./makers-site build --output voorbeeld/site --base-url", build);
        Assert.Contains("name: voorbeeld", build);
        Assert.Contains("on:\n  workflow_run:\n    workflows: [Controle]\n", publish);
        Assert.StartsWith("name: Controle\n", build);
        // The publishing run checks out its own default branch, never the pull request's head, and builds nothing.
        Assert.Contains("- uses: actions/checkout@v4\n", publish);
        Assert.DoesNotContain("ref:", publish);
        Assert.DoesNotContain("makers-site", publish.Replace("makers-site@users.noreply.github.com", "").Replace("user.name=\"makers-site\"", ""));
        Assert.DoesNotContain("dotnet", publish);
        Assert.Contains("[ \"$(gh api \"repos/$REPO/pulls/$number\" --jq .head.sha)\" = \"$HEAD_SHA\" ]", publish);
        Assert.Contains("find . -type f -print0", publish);
    }

    [Fact]
    public void Every_message_the_member_guide_shows_is_one_check_gives_word_for_word()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "content", "bedrijfsprofiel-aanpassen", "index.md"));
        var shown = guide.Split('\n').Where(l => l.StartsWith("content/bedrijven/voorbeeld/index.md:", StringComparison.Ordinal)).ToList();
        Assert.True(shown.Count >= 5);
        // The guide's example profile with its mistakes; a tab stops the reading of the front matter, so it gets a run of its own.
        const string profile = "---\ntitle: \"Voorbeeld Metaal BV\"\nsummary: \"Wij maken onderdelen van plaatstaal.\"\nplace: \"Venlo\"\nmunicipality: Venloo\nsectors:\n  - metaal\n" +
                               "websit: \"https://www.voorbeeld.nl/\"\nlogo: logo.PNG\nvideo: \"http://www.youtube.com/watch?v=x\"\ncontact:\n  email: \"info@voorbeeld.nl\"\n---\nTekst.\n";
        var messages = new List<string>();
        foreach (var text in new[] { profile, profile.Replace("\n  email", "\n\temail") })
        {
            using var site = TestSite.FromDefaultContent();
            site.Write("content/bedrijven/voorbeeld/index.md", text);
            messages.AddRange(site.Check().Diagnostics.Select(MakersSite.Content.Diagnostics.DiagnosticFormatter.Text));
        }

        foreach (var line in shown) Assert.Contains(line, messages);
    }
}
