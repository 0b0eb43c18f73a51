using MudBlazor;

namespace CoverageCompare.Web.Components.Kit;

public static class Confirmation
{
    /// <summary>Asks before something that cannot be undone; true when the person confirmed.</summary>
    public static async Task<bool> AskAsync(this IDialogService dialogs, string title, string message, string confirmText)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
