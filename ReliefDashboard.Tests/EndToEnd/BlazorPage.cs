using Microsoft.Playwright;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

/// <summary>Small helpers for driving MudBlazor controls the way a person does.</summary>
public static class BlazorPage
{
    /// <summary>Waits until the interactive circuit is up, so clicks reach .NET rather than the prerendered HTML.</summary>
    public static async Task OpenAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForCircuitAsync();
    }

    public static async Task SignInAsync(this IPage page, string userName, string password)
    {
        await page.GotoAsync("account/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=login]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <remarks>
    /// Up to 30 s: on the 2-core CI machine the first dashboard after a sign-in, while the previous test's browser
    /// contexts are still closing, once took longer than the 15 s default. This waits for the app; it asserts no speed.
    /// </remarks>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public static async Task ReloadLiveAsync(this IPage page)
    {
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
    }

    /// <summary>
    /// Opens a MudSelect and picks an option. Outside a dialog a plain click can open and close the list in
    /// one go (it opens on mousedown), so a mousedown alone is sent when the list did not stay open.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        try
        {
            await Assertions.Expect(select).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = 1000 });
        }
        catch (PlaywrightException)
        {
            await select.DispatchEventAsync("mousedown");
            await Assertions.Expect(select).ToHaveAttributeAsync("aria-expanded", "true");
        }
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(select).ToHaveAttributeAsync("aria-expanded", "false");
    }

    public static async Task TypeDateAsync(this ILocator input, string date)
    {
        await input.FillAsync(date);
        await input.PressAsync("Enter");
    }
}
