using Carnet.Records;
using Carnet.SignIn;
using Microsoft.AspNetCore.Components;

namespace Carnet.Web.Portal.Shared;

/// <summary>
/// A page about one record the signed-in person may open (their own, or a child's they represent):
/// <c>/espace/{RecordId}/…</c>. The record is read through the access gate (ShowRecords, traced); a record
/// the person may not open gives the same 404 page as one that does not exist.
/// </summary>
public abstract class RecordPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = default!;

    [Parameter]
    public Guid RecordId { get; set; }

    [Inject]
    private ShowRecords Records { get; set; } = default!;

    protected Caller Caller { get; private set; } = default!;

    /// <summary>The record shown; null when <see cref="NotFound"/>.</summary>
    protected ShowRecords.Summary? Record { get; private set; }

    protected bool NotFound { get; private set; }

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>The path of a section of this record: Section("documents") → /espace/{id}/documents.</summary>
    protected string Section(string section = "") => RecordLinks.Section(RecordId, section);

    protected sealed override async Task OnInitializedAsync()
    {
        Caller = Caller.From(HttpContext.User)!;
        try
        {
            Record = await Records.ShowAsync(Caller, RecordId, Aborted);
        }
        catch (RecordNotFoundException)
        {
            ShowNotFound();
            return;
        }

        await LoadAsync();
    }

    /// <summary>The page shows the not-found message with a 404, like an address that does not exist.</summary>
    protected void ShowNotFound()
    {
        NotFound = true;
        NotFoundResponse.SetOnStart(HttpContext);
    }

    /// <summary>The page's own reading, once the record is known to be the caller's to open.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;
}
