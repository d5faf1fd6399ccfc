using System.Net.Http.Headers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Platform.Web.Api;

/// <summary>
/// The gateway's APIs as the pages use them. Every call answers the value or the <see cref="ApiProblem"/> the
/// platform refused it with; a failure of the platform itself throws <see cref="PlatformUnavailableException"/>.
/// Pages declare their own records for the JSON they read: the site is a client like any other, with no reference to
/// the services' code. Paths are the gateway's (<c>api/events/...</c>, relative, escaped by the caller).
/// </summary>
public sealed class PlatformApi(HttpClient http)
{
    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) }, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Put, path) { Content = Json(body) }, cancellationToken);

    public Task<ApiResult<T>> DeleteAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    /// <summary>A file (calendar, QR code); a problem when the platform refuses it.</summary>
    public async Task<ApiResult<ApiFile>> GetFileAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        if (!response.IsSuccessStatusCode) return new(null, await ApiProblem.ReadAsync(response, cancellationToken));
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var type = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        return new(new ApiFile(content, type, name), null);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) return new(default, await ApiProblem.ReadAsync(response, cancellationToken));
        if (typeof(T) == typeof(NoContent)) return new((T)(object)NoContent.Value, null);
        // A page that expects a body and gets none cannot go on (before: an invalid cast of NoContent, a bare 500).
        if (response.Content.Headers.ContentLength == 0)
            throw new PlatformUnavailableException($"{request.Method} {request.RequestUri} answered no body.");
        var value = await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken)
            ?? throw new PlatformUnavailableException($"{request.Method} {request.RequestUri} answered an empty body.");
        return new(value, null);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                          or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new PlatformUnavailableException($"{request.Method} {request.RequestUri} failed: {e.Message}", e);
            }

            if ((int)response.StatusCode >= 500)
            {
                response.Dispose();
                throw new PlatformUnavailableException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}.");
            }

            return response;
        }
    }

    private static JsonContent? Json(object? body) => body is null ? null : JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
}

/// <summary>For calls whose answer has no body the page needs.</summary>
public sealed record NoContent
{
    public static readonly NoContent Value = new();
}
