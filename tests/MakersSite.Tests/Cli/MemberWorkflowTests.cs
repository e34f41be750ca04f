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
    }
}
