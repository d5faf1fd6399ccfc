namespace Platform.Web.Api;

/// <summary>
/// The platform failed (5xx), timed out or could not be reached: the page cannot go on, and the visitor sees the
/// friendly "try again later" page with a reference id. Refusals of the request itself (4xx) are never this.
/// </summary>
public sealed class PlatformUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
