using Microsoft.Extensions.Localization;
using MudBlazor;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Components.Shared;

/// <summary>MudBlazor's own built-in texts (pager, dialogs, pickers) in Simplified Chinese.</summary>
public sealed class ChineseMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["MudDialog_Close"] = "关闭",
        ["MudAlert_Close"] = "关闭",
        ["MudSnackbar_Close"] = "关闭",
        ["MudChip_Close"] = "移除",
        ["MudInput_Clear"] = "清除",
        ["MudInput_Increment"] = "增加",
        ["MudInput_Decrement"] = "减少",
        ["MudFormComponent_Required"] = "必填",
        ["MudBaseDatePicker_Open"] = "打开日期选择",
        ["MudBaseDatePicker_NextMonth"] = "下个月",
        ["MudBaseDatePicker_PrevMonth"] = "上个月",
        ["MudBaseDatePicker_NextYear"] = "下一年",
        ["MudBaseDatePicker_PrevYear"] = "上一年",
        ["MudPagination_FirstPage"] = "首页",
        ["MudPagination_LastPage"] = "末页",
        ["MudPagination_NextPage"] = "下一页",
        ["MudPagination_PreviousPage"] = "上一页",
        ["MudPagination_CurrentPage"] = "第 {0} 页（当前页）",
        ["MudPagination_PageIndex"] = "第 {0} 页",
        ["MudTable_Loading"] = "加载中…",
        ["MudSelect_SelectAll"] = "全选",
        ["MudNavGroup_ToggleExpand"] = "展开/收起 {0}",
        ["MudBreadcrumbs_Label"] = "导航路径",
        ["Converter_InvalidNumber"] = "不是有效的数字",
        ["Converter_InvalidDateTime"] = "不是有效的日期",
        ["Converter_ConversionFailed"] = "转换失败",
    };

    public override LocalizedString this[string key] =>
        Texts.TryGetValue(key, out var text) ? new LocalizedString(key, text) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        Texts.TryGetValue(key, out var text)
            ? new LocalizedString(key, string.Format(System.Globalization.CultureInfo.CurrentCulture, text, arguments))
            : new LocalizedString(key, key, resourceNotFound: true);
}
