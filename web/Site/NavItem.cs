namespace Platform.Web.Site;

/// <summary>One entry of the service navigation; <see cref="Active"/> marks the section the page belongs to.</summary>
public sealed record NavItem(string Href, string Text, bool Active);
