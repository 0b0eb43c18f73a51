using MudBlazor;

namespace CoverageCompare.Web.Components.Layout;

/// <summary>
/// The app's palette in light and dark mode. Agree, disagree and annotation colours travel as Success, Error and
/// Tertiary, so app.css reads them from MudBlazor's CSS variables and follows the mode without a second stylesheet.
/// </summary>
public static class AppTheme
{
    // The system font stack: the Content-Security-Policy loads no font from elsewhere and we serve none.
    private static readonly string[] SystemFont = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d5fa8",
            Secondary = "#4f5b6b",
            Tertiary = "#6b3fa0",
            Success = "#1d6b3a",
            Error = "#b3261e",
            Warning = "#8a5a00",
            Info = "#1d5fa8",
            AppbarBackground = "#1f3a5f",
            AppbarText = "#ffffff",
            Background = "#eef1f5",
            BackgroundGray = "#f6f8fb",
            Surface = "#ffffff",
            TextPrimary = "#1c2430",
            TextSecondary = "#4f5b6b",
            LinesDefault = "#c9d1dc",
            Divider = "#c9d1dc",
            DrawerBackground = "#ffffff",
            DrawerText = "#1c2430",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8",
            PrimaryContrastText = "#0b1a2e",
            Secondary = "#b3bcc8",
            Tertiary = "#c9a8f2",
            Success = "#7bd79a",
            Error = "#f4978e",
            Warning = "#f2c46d",
            Info = "#8ab4f8",
            AppbarBackground = "#16263b",
            AppbarText = "#ffffff",
            Background = "#11151b",
            BackgroundGray = "#1e252e",
            Surface = "#1a2028",
            TextPrimary = "#e7eaef",
            TextSecondary = "#b8c1cc",
            LinesDefault = "#46515f",
            Divider = "#46515f",
            DrawerBackground = "#1a2028",
            DrawerText = "#e7eaef",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFont },
            H1 = new H1Typography { FontFamily = SystemFont },
            H2 = new H2Typography { FontFamily = SystemFont },
            H3 = new H3Typography { FontFamily = SystemFont },
            H4 = new H4Typography { FontFamily = SystemFont },
            H5 = new H5Typography { FontFamily = SystemFont },
            H6 = new H6Typography { FontFamily = SystemFont },
            Subtitle1 = new Subtitle1Typography { FontFamily = SystemFont },
            Subtitle2 = new Subtitle2Typography { FontFamily = SystemFont },
            Body1 = new Body1Typography { FontFamily = SystemFont },
            Body2 = new Body2Typography { FontFamily = SystemFont },
            // Sentence case, like the view switch and every label we write: capitals read as shouting in a side panel.
            Button = new ButtonTypography { FontFamily = SystemFont, TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = SystemFont },
            Overline = new OverlineTypography { FontFamily = SystemFont },
        },
    };
}
