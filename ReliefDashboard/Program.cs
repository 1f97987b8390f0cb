using ReliefDashboard;
using ReliefDashboard.Cli;
using ReliefDashboard.Data;

if (await CommandLine.TryRunAsync(args))
{
    return;
}

var (app, databaseFile) = AppComposition.Build(args);
using var running = RunningApp.Hold(databaseFile);
try
{
    await app.RunAsync();
}
catch (DatabaseStartException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    Environment.ExitCode = 3;
}

public partial class Program;
