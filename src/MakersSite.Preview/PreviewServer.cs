using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MakersSite.Preview;

/// <summary>A file served to a visitor, for tests and benchmarks that count what a page loads.</summary>
public sealed record ServedFile(string Path, int Status, long Bytes);

/// <summary>
/// Serves a built site on 127.0.0.1 only, as a static host would: a folder URL serves its index.html,
/// anything missing gets 404.html with status 404. Used by `serve`, the browser tests and the benchmarks.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _root;
    private readonly List<ServedFile> _served = [];

    public string BaseUrl { get; }

    private PreviewServer(WebApplication app, string root, string baseUrl)
    {
        _app = app;
        _root = root;
        BaseUrl = baseUrl;
    }

    /// <param name="port">0 picks a free port.</param>
    public static async Task<PreviewServer> StartAsync(string root, int port = 0, Func<HttpContext, Func<Task>, Task>? middleware = null)
    {
        var fullRoot = Path.GetFullPath(root);
        // The host's defaults watch the content root (the working directory) recursively for appsettings.json, with
        // one inotify watch per folder: run from a repository with a big site and its .cache, that took every watch
        // the system allows, and serve's own watcher on content/ then silently saw nothing. The server is set up in
        // code: its root is makers-site's own folder (nothing a site puts in public/ is read as settings), unwatched.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        PreviewServer? server = null;
        if (middleware is not null) app.Use(middleware);
        app.Run(context => server!.ServeAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new PreviewServer(app, fullRoot, address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Every file served so far, in order.</summary>
    public IReadOnlyList<ServedFile> Served
    {
        get { lock (_served) return _served.ToList(); }
    }

    public void ClearServed()
    {
        lock (_served) _served.Clear();
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
        var status = StatusCodes.Status200OK;
        if (!file.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            status = StatusCodes.Status404NotFound;
            file = Path.Combine(_root, "404.html");
        }
        var bytes = File.Exists(file) ? await File.ReadAllBytesAsync(file) : [];
        lock (_served) _served.Add(new ServedFile(path, status, bytes.Length));
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType(file);
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    public static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".json" or ".webmanifest" => "application/json",
        ".xml" => "application/xml; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".woff" => "font/woff",
        ".woff2" => "font/woff2",
        ".wasm" => "application/wasm",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
