using System.Net.Http.Headers;
using Platform.EndToEnd.Tests.Awards;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Hardening;

/// <summary>
/// Someone calling the gateway with one kind of credential (or none). Each caller connects from loopback addresses of
/// its own, so the per-address limits on public writes and logins are the real ones and other tests' allowances are
/// untouched; an anonymous caller moves to a new address every few requests, so its limit is never what a run measures.
/// </summary>
internal sealed class Caller(string name, Uri gateway, string? session = null, string? apiKey = null, int requestsPerAddress = int.MaxValue) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<HttpClient> _clients = [];
    private HttpClient? _current;
    private int _sentFromCurrent;

    public string Name { get; } = name;

    public string? Session { get; } = session;

    public string? ApiKey { get; } = apiKey;

    public override string ToString() => Name;

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Session is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Session);
        if (ApiKey is not null) request.Headers.Add("X-Api-Key", ApiKey);
        return await Client().SendAsync(request, cancellationToken);
    }

    private HttpClient Client()
    {
        lock (_lock)
        {
            if (_current is null || ++_sentFromCurrent > requestsPerAddress)
            {
                _current = LoopbackCallers.Create(gateway);
                _clients.Add(_current);
                _sentFromCurrent = 1;
            }

            return _current;
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }
}

/// <summary>
/// The people and systems the hardening suites call as: the public, partners' systems (one key per scope, and one
/// with every scope), users of two unrelated organisations, a judge on a panel, and staff. Staff and the users sign
/// in afresh, so a suite that signs them out never ends the session other tests share.
/// </summary>
internal sealed record Cast(
    Caller Anonymous,
    IReadOnlyDictionary<string, Caller> KeyByScope,
    Caller KeyWithEveryScope,
    Caller OrganisationA,
    Guid OrganisationAId,
    Caller OrganisationB,
    Guid OrganisationBId,
    Caller Judge,
    Guid JudgedCategoryId,
    Guid JudgedProgrammeId,
    Guid CeremonyEventId,
    Caller Staff) : IDisposable
{
    /// <summary>Fewer than the gateway's 20 logins and 30 public writes an address may make a minute.</summary>
    public const int AnonymousRequestsPerAddress = 15;

    public static readonly string[] Scopes =
        [.. new[] { "events", "volunteers", "awards", "notifications" }.SelectMany(s => new[] { $"{s}:read", $"{s}:write" })];

    public static async Task<Cast> CreateAsync(PlatformFixture platform)
    {
        var gateway = platform.Gateway.BaseAddress!;
        var staff = await platform.LoginAsStaffAsync();
        Caller Signed(string name, string session) => new(name, gateway, session: session);

        string freshStaff;
        using (var login = platform.CreatePublicClient())
            freshStaff = await login.StaffPasswordLoginAsync(platform);

        var partner = await platform.Gateway.CreateOrganisationAsync(staff);
        var keys = new Dictionary<string, Caller>(StringComparer.Ordinal);
        foreach (var scope in Scopes)
        {
            var (_, key) = await platform.Gateway.CreateKeyAsync(staff, partner, [scope], permitsPerMinute: 600_000);
            keys[scope] = new Caller($"key {scope}", gateway, apiKey: key);
        }

        var (_, everyScope) = await platform.Gateway.CreateKeyAsync(staff, partner, Scopes, permitsPerMinute: 600_000);

        var (a, aSession) = await platform.RegisteredOrganisationAsync();
        var (b, bSession) = await platform.RegisteredOrganisationAsync();

        var now = await platform.AwardsNowAsync();
        var eventId = await platform.PublishCeremonyEventAsync(staff, now.AddDays(60));
        var (programmeId, categoryId) = await platform.CreateProgrammeAsync(staff, eventId, now);
        var judges = await platform.Gateway.CreateOrganisationAsync(staff);
        var (judgeSession, judgeSubject) = await platform.PartnerUserAsync(staff, judges);
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/categories/{categoryId}/judges", staff,
            new { subject = judgeSubject, name = "Jude Judge" });

        return new Cast(
            new Caller("anonymous", gateway, requestsPerAddress: AnonymousRequestsPerAddress),
            keys,
            new Caller("key with every scope", gateway, apiKey: everyScope),
            Signed("organisation A", aSession), a,
            Signed("organisation B", bSession), b,
            Signed("judge", judgeSession), categoryId, programmeId, eventId,
            Signed("staff", freshStaff));
    }

    public void Dispose()
    {
        foreach (var caller in KeyByScope.Values.Append(Anonymous).Append(KeyWithEveryScope).Append(OrganisationA)
                     .Append(OrganisationB).Append(Judge).Append(Staff))
            caller.Dispose();
    }
}
