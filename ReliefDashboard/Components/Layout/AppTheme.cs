using MudBlazor;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Components.Layout;

public static class AppTheme
{
    /// <summary>System fonts that cover Chinese; nothing is fetched from the internet.</summary>
    private static readonly string[] Fonts =
        ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#B71C1C",
            Secondary = "#1565C0",
            AppbarBackground = "#B71C1C",
            Background = "#F5F5F5",
            // Secondary text and the status colours dark enough for 4.5:1 on white and on their light alert fills (axe).
            TextSecondary = "#595959",
            Success = "#2E7D32",
            Error = "#C62828",
            Warning = "#A05A00",
            Info = "#0D47A1",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts, FontSize = "1.6rem", FontWeight = "600" },
            H5 = new H5Typography { FontFamily = Fonts, FontWeight = "600" },
            H6 = new H6Typography { FontFamily = Fonts, FontWeight = "600" },
            Body1 = new Body1Typography { FontFamily = Fonts },
            Body2 = new Body2Typography { FontFamily = Fonts },
            Button = new ButtonTypography { FontFamily = Fonts },
            Caption = new CaptionTypography { FontFamily = Fonts },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts },
        },
    };
}
