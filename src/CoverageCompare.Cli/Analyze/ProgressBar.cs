using System.Globalization;

namespace CoverageCompare.Cli.Analyze;

/// <summary>A one-line bar on a terminal's standard error, redrawn in place; never written when stderr is a file or pipe.</summary>
internal sealed class ProgressBar(TextWriter error, int total)
{
    private const int Width = 30;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _done;
    private int _drawn = -1;

    public void Advance(int stories)
    {
        if (stories == 0)
        {
            return;
        }
        _done += stories;
        Draw();
    }

    public void Done()
    {
        Draw();
        error.WriteLine();
    }

    private void Draw()
    {
        var filled = total == 0 ? Width : _done * Width / total;
        var percent = total == 0 ? 100 : _done * 100 / total;
        if (percent == _drawn && _done != total)
        {
            return;
        }
        _drawn = percent;
        var elapsed = _clock.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{total} stories, {elapsed} s");
        error.Flush();
    }
}
