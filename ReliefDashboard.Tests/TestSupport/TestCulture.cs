using System.Globalization;
using System.Runtime.CompilerServices;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.TestSupport;

/// <summary>
/// The app sets zh-CN as every thread's default culture when it starts (Program.cs). The browser tests start
/// the app inside this process, so without this the culture of every other test would depend on whether a
/// browser test happened to run first — string order (pinyin vs. code point) then changed between runs.
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void UseTheAppsCulture()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.DefaultThreadCurrentCulture = zh;
        CultureInfo.DefaultThreadCurrentUICulture = zh;
        CultureInfo.CurrentCulture = zh;
        CultureInfo.CurrentUICulture = zh;
    }
}
