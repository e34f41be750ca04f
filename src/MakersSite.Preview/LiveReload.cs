using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MakersSite.Preview;

/// <summary>
/// Live reload for `serve`: pages get a small script that listens on an event stream; after a good rebuild the
/// server says "reload", after a failed one it sends the messages, which the page shows as an overlay while the
/// last good site keeps being served.
/// </summary>
public sealed class LiveReload
{
    public const string EventsPath = "/__makers-site/events";
    public const string ScriptPath = "/__makers-site/reload.js";

    private readonly List<(HttpResponse Response, string Page)> _clients = [];
    private string? _lastError;
    private int _connections;
    private readonly List<(int Count, TaskCompletionSource Done)> _waiting = [];

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
            // The page's address as a build knows it: a folder URL, or the file for 404.html and the like.
            var page = context.Request.Query["page"].ToString();
            if (page.EndsWith("/index.html", StringComparison.Ordinal)) page = page[..^"index.html".Length];
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
            var tag = $"<script src=\"{ScriptPath}\"></script>";
            var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            bytes = Encoding.UTF8.GetBytes(at < 0 ? html + tag : html.Insert(at, tag));
            context.Response.ContentLength = bytes.Length;
        }
        await original.WriteAsync(bytes);
    }

    public Task Reload()
    {
        _lastError = null;
        return Broadcast("reload", "");
    }

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
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n");
        await response.Body.FlushAsync();
    }
}
