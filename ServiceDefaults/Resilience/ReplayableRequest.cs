namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// A retry re-sends the same HttpRequestMessage. That is safe when the body can be serialised again
/// (buffered content such as StringContent/ByteArrayContent, or JsonContent which serialises its object each
/// time) but not for a StreamContent over a forward-only stream, which would go out empty or throw. Rather than
/// buffer arbitrary streams into memory, such requests are simply not retried.
/// </summary>
internal static class ReplayableRequest
{
    public static bool CanResend(HttpRequestMessage? request) => request?.Content switch
    {
        null => true,
        ByteArrayContent or ReadOnlyMemoryContent => true,
        System.Net.Http.Json.JsonContent => true,
        MultipartContent multipart => multipart.All(part => CanResend(part)),
        _ => false,
    };

    private static bool CanResend(HttpContent part) => part is ByteArrayContent or ReadOnlyMemoryContent or System.Net.Http.Json.JsonContent;
}
