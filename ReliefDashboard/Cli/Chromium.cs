using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReliefDashboard.Cli;

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol: enough of it for the circuits bench to open pages
/// as real browsers do (each one a Blazor circuit) and read what they show. The bench ships with the app, so it does
/// not pull in the tests' Playwright.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private Task? reading;
    private int nextId;

    private Chromium(Process process, DirectoryInfo profile)
    {
        this.process = process;
        this.profile = profile;
    }

    public static async Task<Chromium> LaunchAsync(string executable = "/usr/bin/chromium")
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"找不到浏览器 {executable}（apt-get install chromium）");
        }
        var profile = Directory.CreateTempSubdirectory("relief-chromium-");
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                     "--disable-backgrounding-occluded-windows", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", "about:blank" })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        var browser = new Chromium(process, profile);
        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("DevTools listening on ", StringComparison.Ordinal))
            {
                endpoint.TrySetResult(line["DevTools listening on ".Length..].Trim());
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var url = await endpoint.Task.WaitAsync(TimeSpan.FromSeconds(30));
        browser.socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await browser.socket.ConnectAsync(new Uri(url), default);
        browser.reading = Task.Run(browser.ReadLoopAsync);
        return browser;
    }

    /// <summary>CPU seconds the browser and all its child processes (renderers, GPU, network) have used so far.</summary>
    public double CpuSeconds()
    {
        var ticks = 0L;
        var children = new Dictionary<int, List<int>>();
        var own = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended while the list was read
            }
            // The command name is in parentheses and may hold spaces; the fields after it are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            own[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }
            list.Add(pid);
        }
        var stack = new Stack<int>([process.Id]);
        while (stack.TryPop(out var pid))
        {
            ticks += own.GetValueOrDefault(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                stack.Push(child);
            }
        }
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    /// <summary>Sends one command (to the browser, or to a page's session) and waits for its result.</summary>
    public async Task<JsonNode?> SendAsync(string method, object? parameters = null, string? session = null)
    {
        var id = Interlocked.Increment(ref nextId);
        var reply = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters ?? new { }) };
        if (session is not null)
        {
            message["sessionId"] = session;
        }
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await sending.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, default);
        }
        finally
        {
            sending.Release();
        }
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Opens a page at <paramref name="url"/> and returns its session.</summary>
    public async Task<string> OpenAsync(string url)
    {
        var target = (await SendAsync("Target.createTarget", new { url }))!["targetId"]!.GetValue<string>();
        return (await SendAsync("Target.attachToTarget", new { targetId = target, flatten = true }))!["sessionId"]!.GetValue<string>();
    }

    /// <summary>The value of a JavaScript expression in the page (awaited when it is a promise).</summary>
    public async Task<JsonNode?> EvaluateAsync(string session, string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true }, session);
        if (result?["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"页面脚本出错：{error.ToJsonString()}");
        }
        return result?["result"]?["value"];
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await socket.ReceiveAsync(buffer, stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                break;
            }
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }
            var node = JsonNode.Parse(message.ToArray());
            message.SetLength(0);
            if (node?["id"] is { } id && pending.TryRemove(id.GetValue<int>(), out var reply))
            {
                if (node["error"] is { } error)
                {
                    reply.TrySetException(new InvalidOperationException($"浏览器拒绝了命令：{error.ToJsonString()}"));
                }
                else
                {
                    reply.TrySetResult(node["result"]);
                }
            }
        }
        foreach (var reply in pending.Values)
        {
            reply.TrySetCanceled();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or WebSocketException or TaskCanceledException)
        {
            // Killed below.
        }
        await stop.CancelAsync();
        if (reading is not null)
        {
            await reading;
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        socket.Dispose();
        process.Dispose();
        stop.Dispose();
        sending.Dispose();
        profile.Delete(recursive: true);
    }
}
