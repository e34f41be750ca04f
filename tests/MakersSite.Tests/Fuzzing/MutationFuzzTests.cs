using System.Diagnostics;
using CsCheck;
using MakersSite.Build;
using MakersSite.Content.Diagnostics;
using MakersSite.Content.Loading;
using MakersSite.Content.Model;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Fuzzing;

/// <summary>
/// Seeded mutation fuzzing of what a pull request can change (issue 22): the default company profiles damaged in their
/// bytes, YAML structure and Markdown nesting, and their images in their bytes. Whatever comes in, the generator ends
/// with success or a Dutch message naming a file, within a time and memory bound, and publishes nothing active.
/// </summary>
public sealed class MutationFuzzTests
{
    private const string Company = "content/bedrijven/proef/index.md";

    /// <summary>Generous for one page: a page loads in well under a millisecond; a hang or a bomb is orders beyond.</summary>
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(5);
    private const long MemoryBound = 256L * 1024 * 1024;

    [Fact]
    public void Ten_thousand_damaged_profiles_load_or_fail_with_messages_that_name_their_file()
    {
        var profiles = Mutations.DefaultProfiles();
        var root = Directory.CreateTempSubdirectory("makers-site-fuzz-").FullName;
        try
        {
            Repository.CopyDirectory(Path.Combine(Repository.Root, "content", "_data"), Path.Combine(root, "content", "_data"));
            File.Copy(Path.Combine(Repository.Root, "content", "site.yml"), Path.Combine(root, "content", "site.yml"));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, Company))!);
            var (loaded, failed) = (0, 0);
            foreach (var (index, mutation) in Mutations.Cases(Mutations.Profile, 10_000))
            {
                File.WriteAllBytes(Path.Combine(root, Company), mutation.Apply(profiles));
                var diagnostics = new DiagnosticBag();
                var watch = Stopwatch.StartNew();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                LoadedContent? content;
                try
                {
                    content = new ContentLoader(root, diagnostics).Load();
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException($"case {index} ({mutation}) threw {e}");
                }
                var (elapsed, bytes) = (watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
                Assert.True(elapsed < TimeBound, $"case {index} ({mutation}) took {elapsed}");
                Assert.True(bytes < MemoryBound, $"case {index} ({mutation}) allocated {bytes / 1_000_000} MB");
                var messages = diagnostics.Sorted();
                Assert.All(messages, m => Assert.True(m.File == Company && m.Message.Length > 0 && m.Line >= 0 && m.Column >= 0,
                    $"case {index} ({mutation}): {DiagnosticFormatter.Text(m)}"));
                var page = content!.Pages.SingleOrDefault();
                if (messages.Any(m => m.IsError)) failed++;
                else loaded++;
                Assert.True(messages.Any(m => m.IsError) || page is not null, $"case {index} ({mutation}): no error and no page");
            }
            // The mix is what makes the run worth its time: both outcomes well represented (about one in ten loads).
            Assert.InRange(loaded, 500, 9_500);
            Assert.InRange(failed, 500, 9_500);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static readonly Gen<(ProfileMutation Profile, int Image, Edit[] ImageEdits)> BuildCase =
        Gen.Select(Mutations.GentleProfile, Gen.Int[0, 2],
            Gen.Frequency(
                (3, Gen.Select(Gen.Double[0, 0.1], Gen.Byte).Select(t => (Edit)new SetByte(t.Item1, t.Item2))),
                (2, Gen.Select(Gen.Double[0, 1], Gen.Byte).Select(t => (Edit)new SetByte(t.Item1, t.Item2))),
                (1, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 400]).Select(t => (Edit)new Delete(t.Item1, t.Item2)))).Array[0, 3]);

    [Fact]
    public void Damaged_profiles_with_damaged_images_build_or_fail_alike_in_check_and_build_and_publish_nothing_active()
    {
        using var site = TestSite.FromDefaultContent();
        // The logo field goes in before the damage, so the damage can land on it as on anything else.
        var profiles = Mutations.DefaultProfiles().Select(p => System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(p).Replace("\nplace:", "\nlogo: logo.png\nplace:"))).ToList();
        byte[][] images = [TestImages.Png(300, 200), TestImages.Jpeg(300, 200), TestImages.DeclaringPng(3000, 2000)];
        var folder = Path.Combine(site.Root, "content", "bedrijven", "proef");
        var (built, failed) = (0, 0);
        foreach (var (index, (mutation, image, edits)) in Mutations.Cases(BuildCase, 40))
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            site.WriteBytes("content/bedrijven/proef/index.md", mutation.Apply(profiles));
            var logo = images[image].ToList();
            foreach (var edit in edits) edit.Apply(logo);
            site.WriteBytes("content/bedrijven/proef/logo.png", [.. logo]);

            var check = site.Check();
            var build = new SiteBuilder().Build(new BuildOptions(site.Root, Today: TestSite.Today));

            var what = $"case {index} ({mutation}; logo {image} {string.Join("; ", edits.Select(e => e.ToString()))})";
            Assert.True(check.Diagnostics.SequenceEqual(build.Diagnostics), $"{what}: check and build differ");
            Assert.All(build.Diagnostics, m => Assert.True(m.File.StartsWith("content/", StringComparison.Ordinal), $"{what}: {DiagnosticFormatter.Text(m)}"));
            if (!build.Succeeded)
            {
                failed++;
                continue;
            }
            built++;
            var page = Path.Combine(site.Output, "bedrijven", "proef");
            if (!Directory.Exists(page)) continue; // a draft: true put in by the damage
            Assert.All(Directory.GetFiles(page, "*", SearchOption.AllDirectories), f =>
                Assert.Contains(Path.GetExtension(f), new[] { ".html", ".png", ".jpg", ".webp" }));
            var html = site.Html("bedrijven/proef/index.html");
            Assert.All(html.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.StartsWith("../../js/", s.GetAttribute("src") ?? "", StringComparison.Ordinal));
            Assert.DoesNotContain(html.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(html.QuerySelectorAll("[href],[src]").SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") }),
                url => url is not null && UrlSafety.IsDangerousScheme(UrlSafety.Scheme(url)));
        }
        Assert.True(built >= 5 && failed >= 5, $"{built} built, {failed} failed: the cases should exercise both");
    }
}
