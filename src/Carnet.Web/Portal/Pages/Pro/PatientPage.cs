using Carnet.Access;
using Carnet.Records;
using Carnet.SignIn;
using Carnet.Web.Portal.Shared;
using Microsoft.AspNetCore.Components;

namespace Carnet.Web.Portal.Pages.Pro;

/// <summary>
/// A page about one patient's record in the professional's portal: <c>/pro/dossiers/{RecordId}/…</c>. The record is
/// read through FindPatient (the access gate, traced); the caller then acts in the mode of their access (normal, or
/// the emergency access they opened). A record they may not consult gives the same 404 page as one that does not exist.
/// </summary>
public abstract class PatientPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = default!;

    [Parameter]
    public Guid RecordId { get; set; }

    [Inject]
    private FindPatient Patients { get; set; } = default!;

    /// <summary>The professional, in the access mode this record is consulted in.</summary>
    protected Caller Caller { get; private set; } = default!;

    /// <summary>The patient; null when <see cref="NotFound"/>.</summary>
    protected FindPatient.Patient? Patient { get; private set; }

    protected bool NotFound { get; private set; }

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected string Link(string section = "") => ProLinks.Record(RecordId, section);

    protected sealed override async Task OnInitializedAsync()
    {
        var caller = Caller.From(HttpContext.User)!;
        try
        {
            Patient = await Patients.ShowAsync(caller, RecordId, Aborted);
        }
        catch (RecordNotFoundException)
        {
            ShowNotFound();
            return;
        }

        Caller = caller with { Mode = Patient.Mode };
        await LoadAsync();
    }

    /// <summary>The same answer as for a record that does not exist: the not-found message, with a 404.</summary>
    protected void ShowNotFound()
    {
        NotFound = true;
        NotFoundResponse.SetOnStart(HttpContext);
    }

    /// <summary>The page's own reading, once the professional may consult the record.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;
}
