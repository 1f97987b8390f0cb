using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace ReliefDashboard.Cli;

/// <summary>
/// <c>bench --only start</c>: the app as an operator starts it, timed from outside. A fresh start (migrate, demo
/// district, accounts) until <c>/healthz</c> answers 200; a restart on the same file; and a shutdown (SIGTERM until
/// the process has exited) while a browser's Blazor connection is open. Each is run <c>--runs</c> times.
/// </summary>
public static class StartBench
{
    public static async Task<int> RunAsync(int runs)
    {
        var dir = Directory.CreateTempSubdirectory("relief-start-");
        try
        {
            Console.WriteLine($"{"start and stop",-44} {"median ms",10} {"max ms",10}");
            var fresh = new List<double>();
            var restart = new List<double>();
            var stop = new List<double>();
            var stopIdle = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var file = Path.Combine(dir.FullName, $"relief-{i}.db");
                var (app, ms) = await StartAsync(file);
                fresh.Add(ms);
                stopIdle.Add(await StopAsync(app, holdConnection: null));
                (app, ms) = await StartAsync(file);
                restart.Add(ms);
                using var socket = await OpenCircuitAsync(app.Port);
                stop.Add(await StopAsync(app, socket));
            }
            Print("fresh start (migrate + demo + accounts) → /healthz", fresh);
            Print("restart on the same file → /healthz", restart);
            Print("shutdown, no browser open", stopIdle);
            Print("shutdown with a Blazor connection open", stop);
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void Print(string name, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"{name,-44} {times[times.Count / 2],10:N0} {times[^1],10:N0}");
    }

    private sealed record App(Process Process, int Port);

    private static async Task<(App App, double Ms)> StartAsync(string file)
    {
        var port = FreePort();
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(StartBench).Assembly.Location);
        }
        start.ArgumentList.Add("--demo");
        start.Environment["ConnectionStrings__Relief"] = $"Data Source={file}";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return (new App(process, port), watch.Elapsed.TotalMilliseconds);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException($"应用启动失败，退出码 {process.ExitCode}");
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("应用两分钟内未就绪");
    }

    /// <summary>A browser's connection to the Blazor hub, as an open page holds it: negotiated, then a WebSocket.</summary>
    private static async Task<ClientWebSocket> OpenCircuitAsync(int port)
    {
        var cookies = await SignInAsync($"http://127.0.0.1:{port}", "demo.leader");
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var negotiate = await client.PostAsync($"http://127.0.0.1:{port}/_blazor/negotiate?negotiateVersion=1", null);
        var body = await negotiate.Content.ReadAsStringAsync();
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var connection = json.RootElement.GetProperty("connectionToken").GetString();
        var socket = new ClientWebSocket { Options = { Cookies = cookies } };
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_blazor?id={connection}"), default);
        var handshake = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();
        await socket.SendAsync(handshake, WebSocketMessageType.Text, true, default);
        return socket;
    }

    /// <summary>Signs in through the login form as a demo account, as a browser does; the cookies are the session.</summary>
    internal static async Task<CookieContainer> SignInAsync(string baseUrl, string user)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var form = await client.GetStringAsync($"{baseUrl}/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var login = await client.PostAsync($"{baseUrl}/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Form.UserName"] = user,
            ["Form.Password"] = "Relief@2524", // the demo accounts' published password (Demo:AccountPassword unset)
        }));
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"演示账号登录失败（{(int)login.StatusCode}）");
        }
        return cookies;
    }

    private static async Task<double> StopAsync(App app, ClientWebSocket? holdConnection)
    {
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", app.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }
        await app.Process.WaitForExitAsync();
        GC.KeepAlive(holdConnection);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
