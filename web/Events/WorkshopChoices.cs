namespace Platform.Web.Events;

/// <summary>The model of the workshop checkboxes shared by registering and changing choices.</summary>
public sealed record WorkshopChoices(EventDetail Event, string Field, IReadOnlyCollection<Guid> Chosen, string? Error, IReadOnlyCollection<Guid> Held)
{
    public string Id => Platform.Web.Site.FormErrors.FieldId(Field);
}
