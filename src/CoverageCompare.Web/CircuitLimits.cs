namespace CoverageCompare.Web;

/// <summary>
/// A form field travels to the server in one circuit message, so each is capped below the message size
/// (at three UTF-8 bytes a character) rather than letting a huge paste drop the connection.
/// </summary>
public static class CircuitLimits
{
    public const int MaxMessageBytes = 256 * 1024;

    /// <summary>Longer articles are uploaded as files, which stream.</summary>
    public const int MaxPastedCharacters = 60_000;

    /// <summary>Twice the note limit, so an over-long note still reaches the server and is refused with a message.</summary>
    public const int MaxNoteCharacters = 40_000;
}
