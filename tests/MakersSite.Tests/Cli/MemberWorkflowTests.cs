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
    public void A_pull_request_that_changes_only_content_skips_the_generators_tests(string changed, string expected)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, ".ci", "changed-code"));
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Write(changed);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(expected + "\n", output);
    }
}
