using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MakersSite.Preview;

/// <summary>
/// Live reload for `serve`: pages get a small script that listens on an event stream; after a good rebuild the
/// server says "reload", after a failed one it sends the messages, which the page shows as an overlay while the
/// last good site keeps being served. When an open page changed only inside its &lt;main&gt; (the usual edit of a
/// text), it gets the new &lt;main&gt; instead and swaps it in place: no reload, scroll position and the rest of the
/// page stay, and the edit shows in milliseconds.
/// </summary>
/// <param name="siteDirectory">Where the served site is, to read a page's new version; without it every change reloads.</param>
public sealed class LiveReload(string? siteDirectory = null)
{
    public const string EventsPath = "/__makers-site/events";
    public const string ScriptPath = "/__makers-site/reload.js";
    /// <summary>Fired on the new &lt;main&gt; after an in-place update, so theme scripts can bind to the new content.</summary>
    public const string ContentEvent = "makers-site:content";

    private readonly List<(HttpResponse Response, string Page)> _clients = [];
    private string? _lastError;
    private int _connections;
    private readonly List<(int Count, TaskCompletionSource Done)> _waiting = [];
    // Per page address: the HTML its open tabs show (as served, or as last updated in place).
    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);

    /// <summary>How many pages are connected right now.</summary>
    public int OpenConnections
    {
        get
        {
            lock (_clients) return _clients.Count;
        }
    }

    /// <summary>How many pages have connected so far, ever (see <see cref="WaitForConnections"/>).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Waits until <see cref="Connections"/> reaches <paramref name="count"/> (reloaded pages are back), at most <paramref name="timeout"/>.</summary>
    public void WaitForConnections(int count, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_clients)
        {
            if (_connections >= count) return;
            _waiting.Add((count, done));
        }
        done.Task.Wait(timeout);
        lock (_clients) _waiting.RemoveAll(w => w.Done == done);
    }

    /// <summary>The addresses of the pages open in a browser right now (what a rebuild should finish first).</summary>
    public IReadOnlySet<string> OpenPages
    {
        get
        {
            lock (_clients) return _clients.Select(c => c.Page).ToHashSet(StringComparer.Ordinal);
        }
    }

    private const string Script = """
        (function () {
          function overlay(text) {
            var box = document.getElementById("makers-site-overlay");
            if (!text) { if (box) box.remove(); return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "makers-site-overlay";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;background:#1d1d1b;color:#fff;font:14px/1.5 monospace;padding:1rem 1.25rem;z-index:99999;white-space:pre-wrap;border-top:6px solid #c8102e";
              document.body.appendChild(box);
            }
            box.textContent = "Build mislukt — je ziet de laatste goede versie.\n\n" + text;
          }
          // Connecting once the page is ready also tells serve that a reloaded page is back, so it can go on building.
          function connect() {
            var source = new EventSource("/__makers-site/events?page=" + encodeURIComponent(location.pathname));
            source.addEventListener("open", function () { window.makersSiteLive = true; });
            source.addEventListener("reload", function () { location.reload(); });
            // Only <main> changed: swap it in, then tell the theme's scripts (they bind to content on this event).
            source.addEventListener("update", function (e) {
              var main = document.querySelector("main");
              var template = document.createElement("template");
              template.innerHTML = JSON.parse(e.data);
              var next = template.content.querySelector("main");
              if (!main || !next) { location.reload(); return; }
              main.replaceWith(next);
              overlay(null);
              next.dispatchEvent(new CustomEvent("makers-site:content", { bubbles: true }));
            });
            source.addEventListener("error-report", function (e) { overlay(JSON.parse(e.data)); });
            source.addEventListener("ok", function () { overlay(null); });
          }
          if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", connect); else connect();
        })();
        """;

    /// <summary>Middleware: the event stream, the script, and the script tag added to every HTML page.</summary>
    public async Task Handle(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value;
        if (path == ScriptPath)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.WriteAsync(Script);
            return;
        }
        if (path == EventsPath)
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.WriteAsync(": verbonden\n\n");
            await context.Response.Body.FlushAsync();
            var page = PageAddress(context.Request.Query["page"].ToString());
            var client = (context.Response, page);
            lock (_clients)
            {
                _clients.Add(client);
                _connections++;
                foreach (var (count, done) in _waiting)
                    if (_connections >= count) done.TrySetResult();
            }
            if (_lastError is { } error) await Send(context.Response, "error-report", error);
            try { await Task.Delay(Timeout.Infinite, context.RequestAborted); }
            catch (OperationCanceledException) { }
            lock (_clients) _clients.Remove(client);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try { await next(); }
        finally { context.Response.Body = original; }
        var bytes = buffer.ToArray();
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
        {
            var html = Encoding.UTF8.GetString(bytes);
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                lock (_clients) _shown[PageAddress(context.Request.Path.Value ?? "/")] = html;
            }
            var tag = $"<script src=\"{ScriptPath}\"></script>";
            var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            bytes = Encoding.UTF8.GetBytes(at < 0 ? html + tag : html.Insert(at, tag));
            context.Response.ContentLength = bytes.Length;
        }
        await original.WriteAsync(bytes);
    }

    /// <summary>Brings the open pages up to date after a good build: in place where only &lt;main&gt; changed, else by reloading.</summary>
    /// <returns>How many pages were told to reload (each comes back with a new connection).</returns>
    public async Task<int> Reload()
    {
        _lastError = null;
        List<(HttpResponse Response, string Page)> clients;
        lock (_clients) clients = _clients.ToList();
        // Decided once per page: every tab of a page shows the same version.
        var updates = new Dictionary<string, string?>(StringComparer.Ordinal);
        // Pages no longer open need not be remembered (one that opens before it connects just reloads next time).
        lock (_clients)
        {
            foreach (var page in _shown.Keys.Where(p => clients.All(c => c.Page != p)).ToList()) _shown.Remove(page);
        }
        foreach (var page in clients.Select(c => c.Page).Distinct())
        {
            string? before;
            lock (_clients) before = _shown.GetValueOrDefault(page);
            var after = before is null ? null : ReadPage(page);
            var main = before is null || after is null ? null : InPlaceUpdate(before, after);
            updates[page] = main;
            if (after is not null && main is not null) lock (_clients) _shown[page] = after;
        }
        var reloading = 0;
        foreach (var client in clients)
        {
            var main = updates[client.Page];
            if (main is null) reloading++;
            try { await Send(client.Response, main is null ? "reload" : "update", main ?? ""); }
            catch (Exception) { lock (_clients) _clients.Remove(client); }
        }
        return reloading;
    }

    /// <summary>
    /// The new &lt;main&gt; element when that is all that changed between two versions of a page, else null. Not when
    /// either &lt;main&gt; holds a script: a script put in with innerHTML does not run, so such pages reload.
    /// </summary>
    public static string? InPlaceUpdate(string before, string after)
    {
        if (!MainElement(before, out var beforeStart, out var beforeEnd) || !MainElement(after, out var afterStart, out var afterEnd)) return null;
        if (!before.AsSpan(0, beforeStart).SequenceEqual(after.AsSpan(0, afterStart))) return null;
        if (!before.AsSpan(beforeEnd).SequenceEqual(after.AsSpan(afterEnd))) return null;
        var main = after[afterStart..afterEnd];
        if (main.Contains("<script", StringComparison.OrdinalIgnoreCase) ||
            before.AsSpan(beforeStart, beforeEnd - beforeStart).Contains("<script", StringComparison.OrdinalIgnoreCase)) return null;
        return main;
    }

    /// <summary>Where the page's only &lt;main …&gt; … &lt;/main&gt; starts and ends.</summary>
    private static bool MainElement(string html, out int start, out int end)
    {
        start = html.IndexOf("<main", StringComparison.Ordinal);
        var close = html.LastIndexOf("</main>", StringComparison.Ordinal);
        end = close + "</main>".Length;
        return start >= 0 && close > start && html.IndexOf("<main", start + 1, StringComparison.Ordinal) < 0 &&
               html.Length > start + 5 && html[start + 5] is ' ' or '>';
    }

    private string? ReadPage(string page)
    {
        if (siteDirectory is null || !page.StartsWith('/')) return null;
        var root = Path.GetFullPath(siteDirectory) + Path.DirectorySeparatorChar;
        // The address comes from the page's own request; it never reads outside the site.
        var file = Path.GetFullPath(Path.Combine(root, (page.EndsWith('/') ? page + "index.html" : page).TrimStart('/')));
        if (!file.StartsWith(root, StringComparison.Ordinal)) return null;
        try { return File.Exists(file) ? File.ReadAllText(file) : null; }
        catch (IOException) { return null; }
    }

    /// <summary>The page's address as a build knows it: a folder URL, or the file for 404.html and the like.</summary>
    private static string PageAddress(string path) =>
        path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;

    /// <summary>
    /// Reloads the open pages and shows the messages on them again: for pages that were reloaded early with a
    /// build that then failed, and have been put back as they were.
    /// </summary>
    public async Task ReloadWithError(string messages)
    {
        _lastError = messages;
        await Broadcast("reload", "");
    }

    public Task ReportError(string messages)
    {
        _lastError = messages;
        return Broadcast("error-report", messages);
    }

    private async Task Broadcast(string name, string data)
    {
        List<(HttpResponse Response, string Page)> clients;
        lock (_clients) clients = _clients.ToList();
        foreach (var client in clients)
        {
            try { await Send(client.Response, name, data); }
            catch (Exception) { lock (_clients) _clients.Remove(client); }
        }
    }

    private static async Task Send(HttpResponse response, string name, string data)
    {
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, LiveReloadJson.Default.String)}\n\n");
        await response.Body.FlushAsync();
    }
}

/// <summary>The event data's JSON, generated at compile time (the native binary has no reflection-based serialiser).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class LiveReloadJson : System.Text.Json.Serialization.JsonSerializerContext;
