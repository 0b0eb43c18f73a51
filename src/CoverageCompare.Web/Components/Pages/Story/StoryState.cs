using System.Globalization;
using CoverageCompare.Analysis;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Sessions;
using CoverageCompare.Web.Framing;

namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>
/// The one owner of an open story's state in a circuit (scoped, like eShop's BasketState): the story, its analysis and
/// annotations, the live session and its reload loop, and what the reader has selected. The story page and its panels
/// render from it and raise intents; it tells them to render again through <see cref="Changed"/>. What it shows of the
/// story is the copy every circuit on the same version shares (<see cref="StoryCopies"/>), after this reader's access is checked.
/// </summary>
public sealed class StoryState(
    StoryCopies copies, AnalysisStore analyses, VerdictLabelStore verdictLabels,
    IStorySessions sessions, WorkspaceAccess workspaces, StoryWrites writes, AnnotationWrites annotationWrites) : IDisposable
{
    private StoryCopy? storyCopy;
    private AnalysisCopy? analysisCopy;
    private AnnotationsCopy? annotationsCopy;

    private IStorySubscription? session;
    private Func<Func<Task>, bool, Task> dispatch = (work, _) => work();
    private Reload pendingReload;
    private Task reloading = Task.CompletedTask;
    private Reviewer reviewer = Reviewer.Anonymous;

    // Readers who are not signed in are one anonymous reader per page, so two anonymous tabs show as two.
    private readonly string anonymousKey = "anonymous:" + Guid.NewGuid().ToString("N");

    public int StoryId { get; private set; }
    public bool Loaded { get; private set; }
    public StoryView? Story => storyCopy?.Story;
    public StoryAnalysis? Analysis => analysisCopy?.Analysis;
    public AnalysisProgress? Progress { get; private set; }
    public Comparison Comparison => analysisCopy?.Comparison ?? Comparison.Empty;
    public StoryFraming? Framing => FramingShown ? analysisCopy?.Framing : null;
    public IReadOnlyList<Source> Sources => storyCopy?.Sources ?? [];
    public IReadOnlyDictionary<string, string> Outlets => storyCopy?.Outlets ?? Empty;
    public IReadOnlyDictionary<int, string> ArticleTitles => storyCopy?.ArticleTitles ?? NoTitles;
    public IReadOnlyList<AnnotationView> Threads => annotationsCopy?.Threads ?? [];
    public IReadOnlyList<string> Labels { get; private set; } = [];
    public IReadOnlyList<SessionPresence> Viewers { get; private set; } = [];
    public StoryPermissions Permissions { get; private set; } = default!;
    public string? ConnectionId => session?.ConnectionId;

    // What this reader has selected and opened.
    public PendingTarget? Selection { get; private set; }
    public string? SelectionError { get; private set; }
    public PendingTarget? NewTarget { get; private set; }
    public string? NewError { get; private set; }
    public Guid? OpenAnnotation { get; private set; }

    /// <summary>The annotation this reader just saved, until the page has brought its highlight into view once.</summary>
    public Guid? JustCreated { get; private set; }

    public Guid? TakeJustCreated()
    {
        var created = JustCreated;
        JustCreated = null;
        return created;
    }
    public bool ShowAnnotations { get; set; }
    public bool SideOpen { get; set; }
    public string? LookingAt { get; private set; }
    public bool Busy { get; private set; }
    public string? Error { get; private set; }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
    private static readonly IReadOnlyDictionary<int, string> NoTitles = new Dictionary<int, string>();

    /// <summary>Whether the framing view is shown, so its measures are only computed once someone looks at them.</summary>
    public bool FramingShown { get; set; }

    /// <summary>Raised after the state changed outside an event of the page (a live change, analysis progress).</summary>
    public event Action? Changed;

    /// <summary>
    /// Raised after <see cref="Viewers"/> was read again. Only the presence list shows it, and it renders itself: a
    /// reader joining or leaving does not render every open page of the story again.
    /// </summary>
    public event Action? ViewersChanged;

    /// <summary>
    /// Opens a story for this circuit: joins its live session when interactive (before loading, so a change made while
    /// it loads is heard) and loads it. <paramref name="onCircuit"/> runs work on the circuit's renderer, then renders
    /// the page if asked to (its second argument).
    /// </summary>
    public async Task OpenAsync(int storyId, Reviewer reader, bool interactive, Func<Func<Task>, bool, Task> onCircuit)
    {
        dispatch = onCircuit;
        reviewer = reader;
        if (Story is not null && StoryId == storyId && (session is not null || !interactive)) return;
        // Only those who may read the story join it, so no outsider shows up in its presence list or hears its changes.
        if (interactive && (session is null || StoryId != storyId) && await workspaces.RoleForStoryAsync(storyId, reader.UserId) is not null)
        {
            session?.Dispose();
            session = sessions.Join(storyId, CurrentViewer(), OnStoryChangedAsync);
            LookingAt = null;
        }
        StoryId = storyId;
        await ReloadAsync(Reload.Story | Reload.Presence);
    }

    /// <summary>Leaves the story: the page was left or the circuit ends. What was selected goes with it.</summary>
    public void Close()
    {
        session?.Dispose();
        session = null;
        (Selection, SelectionError, NewTarget, NewError, LookingAt, SideOpen, Error) = (null, null, null, null, null, false, null);
    }

    public void Dispose() => Close();

    public IReadOnlyList<ClaimMark> MarksOf(ArticleView article) =>
        Comparison.MarksByArticle.GetValueOrDefault(AnalysisStore.ArticleKey(article.Id), []);

    public IReadOnlyList<AnnotationMark> AnnotationsOf(ArticleView article) => annotationsCopy?.MarksOf(article.Id) ?? [];

    /// <summary>
    /// The article's text with its highlights, the same instance for every render and every reader of this version, so
    /// a render that changes nothing in it (opening a panel) lets the column skip its text.
    /// </summary>
    public ArticleText? TextOf(ArticleView article) =>
        storyCopy is { } story && annotationsCopy is { } annotations && annotations.StoryId == story.Story.Id ? annotations.TextOf(story, analysisCopy, article) : null;

    public string? ClaimText(string claimId) => Analysis?.Result.Claims.FirstOrDefault(c => c.Id == claimId)?.Text;

    /// <summary>Who this reader is to the others in the story: their account, so two tabs of one person show once.</summary>
    private SessionViewer CurrentViewer() => reviewer.UserId is { } userId
        ? SessionViewer.Create("user:" + userId, reviewer.Name ?? "Member")
        : SessionViewer.Create(anonymousKey, "Anonymous reader");

    [Flags]
    private enum Reload { None = 0, Presence = 1, Annotations = 2, Story = 4 }

    private static Reload ReloadFor(StoryChangeKind kind) =>
        kind.IsPresence() ? Reload.Presence
        : kind.IsAnnotationsOnly() ? Reload.Annotations
        : kind == StoryChangeKind.Resync ? Reload.Story | Reload.Presence
        : kind == StoryChangeKind.CheckListChanged ? Reload.None
        : Reload.Story;

    /// <summary>
    /// Every reload goes through here. What is asked for while one runs is done by the next turn of the same loop, so
    /// a change that arrives mid-reload is never lost, a burst of changes costs one more reload, and an older reload
    /// never finishes after a newer one and puts stale data back.
    /// </summary>
    private Task ReloadAsync(Reload what)
    {
        pendingReload |= what;
        if (reloading.IsCompleted) reloading = ReloadPendingAsync();
        return reloading;
    }

    private async Task ReloadPendingAsync()
    {
        while (pendingReload != Reload.None)
        {
            var what = pendingReload;
            pendingReload = Reload.None;
            if (what.HasFlag(Reload.Story)) await LoadAsync();
            else if (what.HasFlag(Reload.Annotations)) await LoadAnnotationsAsync();
            if (what.HasFlag(Reload.Presence))
            {
                Viewers = await sessions.ViewersAsync(StoryId);
                ViewersChanged?.Invoke();
            }
        }
    }

    // Runs on the hub's delivery task: hand the reload to the circuit and return, so the hub can deliver the next
    // change (which joins the same reload) instead of waiting for the database.
    // Who is here changes with every reader who comes or goes; only the presence list shows that (ViewersChanged).
    private Task OnStoryChangedAsync(StoryChange change) => dispatch(() => ReloadAsync(ReloadFor(change.Kind)), !change.Kind.IsPresence());

    /// <summary>Reloads what a change of ours touched (the write path told the others already).</summary>
    public Task ChangedAsync(StoryEdit edit) => ReloadAsync(ReloadFor(edit.Kind));

    private async Task LoadAsync()
    {
        // Access is decided for this reader on every load, before anything of the story (shared or not) is handed out.
        var role = await workspaces.RoleForStoryAsync(StoryId, reviewer.UserId);
        Permissions = new StoryPermissions(StoryId, reviewer, role);
        var story = role is null ? null : await copies.StoryAsync(StoryId);
        if (story is null)
        {
            (storyCopy, analysisCopy, annotationsCopy, Loaded) = (null, null, null, true);
            return;
        }
        // The analysis of the previous version stays shown until this version's is there, as before.
        (storyCopy, Loaded) = (story, true);

        analysisCopy = await copies.AnalysisAsync(story, new Progress<AnalysisProgress>(p =>
        {
            Progress = p;
            Changed?.Invoke();
        }));
        Progress = null;
        await FetchAnnotationsAsync();
    }

    private async Task LoadAnnotationsAsync()
    {
        // Asked again here too: a reload of the annotations alone follows a change, and the reader may have lost access since.
        if (storyCopy is null || await workspaces.RoleForStoryAsync(StoryId, reviewer.UserId) is null)
        {
            annotationsCopy = null;
            return;
        }
        await FetchAnnotationsAsync();
    }

    private async Task FetchAnnotationsAsync()
    {
        annotationsCopy = await copies.AnnotationsAsync(StoryId);
        Labels = await verdictLabels.ListAsync();
    }

    // Intents: what the reader selected, opened and asked for.

    public void SelectText(int articleId, int start, int end)
    {
        var text = Story?.Articles.FirstOrDefault(a => a.Id == articleId)?.Text;
        if (text is null || start < 0 || end > text.Length || end <= start) return;
        var quote = text[start..end];
        (Selection, SelectionError) = string.IsNullOrWhiteSpace(quote)
            ? ((PendingTarget?)null, (string?)"The selection holds no text to annotate.")
            : (new PendingTarget(articleId, start, end, quote), null);
    }

    public void RefuseSelection(string reason) => (Selection, SelectionError) = (null, reason.Length > 200 ? reason[..200] : reason);

    public void ClearSelection() => (Selection, SelectionError) = (null, null);

    /// <summary>Opens the annotation editor on the selected text (the panel opens as a drawer on a phone).</summary>
    public bool AnnotateSelection()
    {
        if (Selection is null || !Permissions.Can(StoryOperation.Annotate)) return false;
        (NewTarget, NewError, ShowAnnotations, SideOpen) = (Selection, null, true, true);
        Selection = null;
        return true;
    }

    public void AnnotateClaim(Claim claim)
    {
        if (!int.TryParse(claim.ArticleId, out var articleId)) return;
        (NewTarget, NewError, ShowAnnotations) = (new PendingTarget(articleId, claim.Start, claim.End, claim.Text), null, true);
    }

    public void CancelNew() => NewTarget = null;

    public void Open(Guid annotationId) => (OpenAnnotation, ShowAnnotations, SideOpen) = (annotationId, true, true);

    /// <summary>The annotation named in the address: opened once, so closing it afterwards sticks.</summary>
    public void OpenFromAddress(Guid? annotationId)
    {
        if (annotationId is { } id && id != OpenAnnotation) (OpenAnnotation, ShowAnnotations) = (id, true);
    }

    /// <summary>The claim this reader looks at, shared with the others in the story; false when it did not change.</summary>
    public async Task<bool> LookAtAsync(string? claimId)
    {
        // Only claims of this story's analysis are shared, so what others see stays small and meaningful.
        var claim = claimId is null ? null : Analysis?.Result.Claims.FirstOrDefault(c => c.Id == claimId)?.Id;
        if (claim == LookingAt) return false;
        LookingAt = claim;
        if (session is not null) await session.UpdateAsync(CurrentViewer(), LookingAt);
        return true;
    }

    public async Task CreateAnnotationAsync(AnnotationEdit edit)
    {
        if (NewTarget is not { } target) return;
        Busy = true;
        var created = await annotationWrites.CreateAsync(StoryId, reviewer,
            new NewAnnotation(target.ArticleId, target.Start, target.End, edit.Label, edit.Tags, edit.Note, reviewer.Name ?? ""), ConnectionId);
        Busy = false;
        if (!created.Allowed || created.Value!.Status != ChangeStatus.Ok)
        {
            NewError = created.Allowed ? created.Value!.Error : created.Decision.Message;
            return;
        }
        (NewTarget, NewError, OpenAnnotation, JustCreated) = (null, null, created.Value.Annotation!.Id, created.Value.Annotation!.Id);
        await ReloadAsync(Reload.Annotations);
    }

    public async Task CorrectAsync((LinkView Link, CorrectionKind Kind) correction)
    {
        var saved = await writes.RunAsync(StoryId, reviewer, StoryOperation.CorrectLinks,
            _ => analyses.CorrectAsync(StoryId, correction.Link.A, correction.Link.B, correction.Kind, reviewer.Name!),
            result => result.Succeeded ? new StoryChange(StoryId, StoryChangeKind.LinkCorrected, result.Value.ToString(CultureInfo.InvariantCulture), reviewer.Name, ConnectionId) : null);
        Error = saved.Allowed ? saved.Value!.Error : saved.Decision.Message;
        if (saved.Allowed) await ReloadAsync(Reload.Story);
    }

    public async Task UndoCorrectionAsync(int correctionId)
    {
        var removed = await writes.RunAsync(StoryId, reviewer, StoryOperation.CorrectLinks,
            _ => analyses.RemoveCorrectionAsync(StoryId, correctionId),
            done => done ? new StoryChange(StoryId, StoryChangeKind.CorrectionUndone, correctionId.ToString(CultureInfo.InvariantCulture), reviewer.Name, ConnectionId) : null);
        Error = removed.Decision.Message;
        if (removed.Allowed) await ReloadAsync(Reload.Story);
    }
}
