using System.Net;
using System.Net.Sockets;

namespace MakersSite.Tests.Infrastructure;

/// <summary>
/// Serves a built public/ over http on 127.0.0.1 the way a static host does (folder URLs → index.html,
/// 404.html for what is missing), so browser tests see the site as visitors do.
/// </summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    public string BaseUrl { get; }

    /// <summary>Every path requested, in order, so tests can check what a page loaded.</summary>
    public List<string> Requests { get; } = [];

    public StaticServer(string root)
    {
        _root = Path.GetFullPath(root);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            try { Respond(context); }
            catch (Exception) { /* the browser went away */ }
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        lock (Requests) Requests.Add(path);
        var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
        var status = 200;
        if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
        {
            status = 404;
            file = Path.Combine(_root, "404.html");
        }
        var bytes = File.Exists(file) ? File.ReadAllBytes(file) : [];
        context.Response.StatusCode = status;
        context.Response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".webp" => "image/webp",
            ".woff" => "font/woff",
            ".woff2" => "font/woff2",
            ".xml" => "application/xml",
            ".json" or ".webmanifest" => "application/json",
            _ => "application/octet-stream",
        };
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}
