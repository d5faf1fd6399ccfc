namespace Platform.Web.Manage.Events;

/// <summary>Previous and next links for a staff list (_Pager), <paramref name="Href"/> giving each page's address.</summary>
public sealed record Pager(int Page, int Pages, Func<int, string> Href);
