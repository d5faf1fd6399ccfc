using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Text;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Hardening;

/// <summary>
/// Issue 15, the authorization matrix: every operation of every document /docs lists, called through the gateway by
/// every kind of caller, answers as <see cref="AuthorizationMatrix"/> says. Ids in the requests are real things of
/// organisation A's (a role, an application, a volunteer, their hours and credential), a real event, programme,
/// category, nominee and news draft, so a 404 for organisation B is isolation and not a bad id; organisation B and the
/// judge must never get back any of A's private ids in what they may read. An operation without a row, or a row
/// without an operation, fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_answers_every_kind_of_caller_as_the_matrix_says()
    {
        var started = Stopwatch.StartNew();
        var expected = AuthorizationMatrix.Rows();
        var operations = await ApiOperations.ReadAsync(platform.Gateway, Cancel);
        var missing = operations.Where(o => !expected.ContainsKey(o.Key)).Select(o => o.Key).ToList();
        var stale = expected.Keys.Except(operations.Select(o => o.Key)).ToList();

        using var cast = await Cast.CreateAsync(platform);
        var things = await Things.CreateAsync(platform, cast);
        Report($"cast and things ready in {started.Elapsed.TotalSeconds:F1} s");

        var observed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var wrong = new List<string>();
        var leaks = new List<string>();
        // Reads first, so no write changes what a read finds; signing out last, so the sessions last the whole run.
        foreach (var operation in operations.OrderBy(o => o.Key == "POST /gateway/accounts/logout").ThenBy(o => o.Method != HttpMethod.Get))
        {
            var row = expected.GetValueOrDefault(operation.Key);
            var cells = new string[AuthorizationMatrix.Columns.Length];
            for (var column = 0; column < AuthorizationMatrix.Columns.Length; column++)
            {
                var answers = new List<int>();
                foreach (var caller in CallersOf(cast, operation, AuthorizationMatrix.Columns[column]))
                {
                    var (status, body, url) = await SendAsync(caller, operation, things);
                    answers.Add(status);
                    if (row is not null && !AuthorizationMatrix.Matches(row[column], status))
                        wrong.Add($"{operation.Key} as {caller.Name}: expected {row[column]}, got {status} {Shown(body)}");
                    if (status is >= 200 and < 300 && caller != cast.OrganisationA && caller != cast.Staff && caller != cast.Anonymous
                        && !things.PrivateToA.Any(v => url.Contains(v, StringComparison.Ordinal))
                        && things.PrivateToA.FirstOrDefault(v => body.Contains(v, StringComparison.OrdinalIgnoreCase)) is { } leaked)
                        leaks.Add($"{operation.Key} as {caller.Name}: the answer holds organisation A's {leaked}");
                }

                cells[column] = AuthorizationMatrix.Describe(answers);
            }

            observed[operation.Key] = cells;
        }

        Report($"{operations.Count} operations × {AuthorizationMatrix.Columns.Length} kinds of caller in {started.Elapsed.TotalSeconds:F1} s");
        var problems = new StringBuilder();
        if (missing.Count > 0) problems.AppendLine($"operations without a row (decide, then add them):\n  {string.Join("\n  ", missing)}");
        if (stale.Count > 0) problems.AppendLine($"rows without an operation:\n  {string.Join("\n  ", stale)}");
        if (wrong.Count > 0) problems.AppendLine($"{wrong.Count} cells answered otherwise:\n  {string.Join("\n  ", wrong)}");
        if (leaks.Count > 0) problems.AppendLine($"isolation:\n  {string.Join("\n  ", leaks)}");
        if (problems.Length > 0)
            problems.AppendLine("\nwhat the platform answered, as rows:\n" + AuthorizationMatrix.Format(observed));
        Assert.True(problems.Length == 0, problems.ToString());
    }

    /// <summary>The callers a column stands for: "other-keys" is each key whose scope the operation does not need.</summary>
    private static IEnumerable<Caller> CallersOf(Cast cast, ApiOperation operation, string column)
    {
        var needed = operation.Service is { } service ? $"{service}:{(operation.Method == HttpMethod.Get ? "read" : "write")}" : null;
        return column switch
        {
            "anonymous" => [cast.Anonymous],
            "key" => [needed is null ? cast.KeyWithEveryScope : cast.KeyByScope[needed]],
            "other-keys" => cast.KeyByScope.Where(k => k.Key != needed).Select(k => k.Value),
            "org-A" => [cast.OrganisationA],
            "org-B" => [cast.OrganisationB],
            "judge" => [cast.Judge],
            "staff" => [cast.Staff],
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
        };
    }

    private static async Task<(int Status, string Body, string Url)> SendAsync(Caller caller, ApiOperation operation, Things things)
    {
        var random = new Random(operation.Key.Length);
        var url = operation.Path(name => things.PathValue(operation, name));
        var query = operation.QueryParameters.Where(p => (bool?)p["required"] == true)
            .Select(p => $"{p["name"]}={Uri.EscapeDataString(things.QueryValue((string)p["name"]!) ?? Text(BadTextRequests.Sample(p["schema"], operation.Schemas, random: random)))}")
            .ToList();
        if (query.Count > 0) url += "?" + string.Join('&', query);
        using var request = new HttpRequestMessage(operation.Method, url);
        var body = things.Body(operation) ?? (operation.BodySchema is { } schema ? BadTextRequests.Sample(schema, operation.Schemas, random: random) : null);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await caller.SendAsync(request, Cancel);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Cancel), url);
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "x";

    private static string Shown(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }

    /// <summary>The real things the matrix's requests name: organisation A's, and the platform's own.</summary>
    private sealed class Things
    {
        public required Guid EventId { get; init; }
        public required Guid SessionId { get; init; }
        public required string RegistrationToken { get; init; }
        public required Guid RoleId { get; init; }
        public required Guid ApplicationId { get; init; }
        public required string ApplicationToken { get; init; }
        public required Guid VolunteerId { get; init; }
        public required DateOnly VolunteerStartedOn { get; init; }
        public required string VolunteerToken { get; init; }
        public required Guid HoursId { get; init; }
        public required Guid CredentialId { get; init; }
        public required Guid OrganisationA { get; init; }
        public required Guid ProgrammeId { get; init; }
        public required Guid CategoryId { get; init; }
        public required Guid NomineeId { get; init; }
        public required Guid NominationId { get; init; }
        public required string NominationToken { get; init; }
        public required Guid NewsId { get; init; }
        public required Guid ApiKeyId { get; init; }

        /// <summary>What only organisation A (and staff) may see, and whoever holds the link.</summary>
        public IReadOnlyList<string> PrivateToA =>
            [ApplicationId.ToString(), ApplicationToken, VolunteerId.ToString(), VolunteerToken, HoursId.ToString(), CredentialId.ToString()];

        public static async Task<Things> CreateAsync(PlatformFixture platform, Cast cast)
        {
            var staff = cast.Staff.Session!;
            var workshop = await platform.PublishEventAsync(capacity: 50, workshopCapacities: [10]);
            using var delegateClient = platform.CreatePublicClient();
            var (registrationToken, _) = await delegateClient.RegisterOkAsync(workshop, EventsActors.Delegate(Addresses.Unique("Delegate"), workshop.Workshops[0]));

            var a = cast.OrganisationA.Session!;
            await platform.ApproveAsync(cast.OrganisationAId);
            var role = await platform.OpenRoleAsync(a);
            var email = Addresses.Unique("Volunteer");
            var (application, applicationToken) = await platform.ApplyAsync(role, email);
            var volunteerToken = await platform.WalkToActiveAsync(a, application, email);
            using var volunteerClient = platform.CreatePublicClient();
            var me = await volunteerClient.GetFromJsonAsync<JsonElement>($"/api/volunteers/volunteering/{volunteerToken}", Cancel);
            var volunteer = me.GetProperty("id").GetGuid();
            var startedOn = me.GetProperty("startedOn").GetString()!;
            using var logged = await volunteerClient.PostAsJsonAsync($"/api/volunteers/volunteering/{volunteerToken}/hours",
                new { date = startedOn, hours = 2, activity = "Speedwatch" }, Cancel);
            Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
            var hours = (await logged.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
            var credential = (await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/volunteers/organisation/volunteers/{volunteer}/credentials", a,
                new { kind = "BackgroundCheck", title = "Basic DBS check", issuedOn = startedOn, expiresOn = DateOnly.Parse(startedOn, CultureInfo.InvariantCulture).AddYears(3) }))
                .GetProperty("id").GetGuid();

            using var nominator = platform.CreatePublicClient();
            using var nominated = await nominator.PostAsJsonAsync($"/api/awards/programmes/{cast.JudgedProgrammeId}/nominations", new
            {
                categoryId = cast.JudgedCategoryId,
                nominee = new { name = "Nia Nominee", organisation = "Northside Youth Club", district = "Castleton" },
                citation = "Kept the youth club open every night.",
                nominator = new { name = "A Nominator", email = Addresses.Unique("Nominator"), relationship = "Neighbour" },
                consent = true,
            }, Cancel);
            var nominatedBody = await nominated.Content.ReadAsStringAsync(Cancel);
            Assert.True(nominated.StatusCode == HttpStatusCode.Created, $"nominate: {(int)nominated.StatusCode} {nominatedBody}");
            var nominee = (await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/awards/categories/{cast.JudgedCategoryId}/nominees", staff))
                .GetProperty("items").EnumerateArray().Single();

            var news = (await platform.Gateway.SendAsync(HttpMethod.Post, "/api/notifications/news", staff,
                new { title = "Matrix news", body = "Not to be published.", topic = "news", district = (string?)null })).GetProperty("id").GetGuid();
            var partner = await platform.Gateway.CreateOrganisationAsync(staff);
            var (keyId, _) = await platform.Gateway.CreateKeyAsync(staff, partner, ["events:read"]);

            return new Things
            {
                EventId = workshop.Id,
                SessionId = workshop.Workshops[0],
                RegistrationToken = registrationToken,
                RoleId = role,
                ApplicationId = application,
                ApplicationToken = applicationToken,
                VolunteerId = volunteer,
                VolunteerStartedOn = DateOnly.Parse(startedOn, CultureInfo.InvariantCulture),
                VolunteerToken = volunteerToken,
                HoursId = hours,
                CredentialId = credential,
                OrganisationA = cast.OrganisationAId,
                ProgrammeId = cast.JudgedProgrammeId,
                CategoryId = cast.JudgedCategoryId,
                NomineeId = nominee.GetProperty("id").GetGuid(),
                NominationId = nominee.GetProperty("nominations")[0].GetProperty("id").GetGuid(),
                NominationToken = JsonDocument.Parse(nominatedBody).RootElement.GetProperty("manageToken").GetString()!,
                NewsId = news,
                ApiKeyId = keyId,
            };
        }

        /// <summary>A path parameter's value: named by the parameter, or for "id" and "token" by the path around it.</summary>
        public string PathValue(ApiOperation operation, string name)
        {
            var t = operation.Template;
            object value = name switch
            {
                "eventId" => EventId,
                "sessionId" => SessionId,
                "roleId" => RoleId,
                "volunteerId" => VolunteerId,
                "programmeId" => ProgrammeId,
                "categoryId" => CategoryId,
                "nomineeId" => NomineeId,
                "token" when t.StartsWith("/api/events/registrations/", StringComparison.Ordinal) => RegistrationToken,
                "token" when t.StartsWith("/api/volunteers/applications/", StringComparison.Ordinal) => ApplicationToken,
                "token" when t.StartsWith("/api/volunteers/volunteering/", StringComparison.Ordinal) => VolunteerToken,
                "token" when t.StartsWith("/api/awards/nominations/", StringComparison.Ordinal) => NominationToken,
                "id" when t.StartsWith("/api/events/", StringComparison.Ordinal) => EventId,
                "id" when t.StartsWith("/api/volunteers/organisation/roles/", StringComparison.Ordinal) => RoleId,
                "id" when t.StartsWith("/api/volunteers/roles/", StringComparison.Ordinal) => RoleId,
                "id" when t.StartsWith("/api/volunteers/organisation/applications/", StringComparison.Ordinal) => ApplicationId,
                "id" when t.StartsWith("/api/volunteers/organisation/volunteers/{volunteerId}/credentials/", StringComparison.Ordinal) => CredentialId,
                "id" when t.StartsWith("/api/volunteers/organisation/volunteers/", StringComparison.Ordinal) => VolunteerId,
                "id" when t.StartsWith("/api/volunteers/organisation/hours/", StringComparison.Ordinal) => HoursId,
                "id" when t.StartsWith("/api/volunteers/staff/organisations/", StringComparison.Ordinal) => OrganisationA,
                "id" when t.StartsWith("/api/awards/programmes/", StringComparison.Ordinal) => ProgrammeId,
                "id" when t.StartsWith("/api/awards/nominations/", StringComparison.Ordinal) => NominationId,
                "id" when t.StartsWith("/api/notifications/news/", StringComparison.Ordinal) => NewsId,
                "id" when t.StartsWith("/gateway/api-keys/", StringComparison.Ordinal) => ApiKeyId,
                // Links nobody was sent in this run (subscriptions, check-ins): a token nobody has.
                "token" => "matrix-token-nobody-has-0000000000000000000",
                _ => Guid.Empty,
            };
            return value.ToString()!;
        }

        public string? QueryValue(string name) => name switch
        {
            "email" => "nobody@example.org",
            _ => null,
        };

        /// <summary>A body that is valid where the sample from the schema would not be; null for the sample.</summary>
        public JsonNode? Body(ApiOperation operation) => operation.Key switch
        {
            "POST /gateway/accounts/login" => new JsonObject { ["email"] = "nobody@example.org", ["password"] = "not the password" },
            "PUT /api/volunteers/organisation/roles/{id}" => JsonSerializer.SerializeToNode(new
            {
                title = "Community speedwatch (matrix)",
                description = "Help residents check speeds on their roads.",
                category = "roadSafety",
                district = "Castleton",
                location = "Village hall",
                remote = false,
                skills = new[] { "driving" },
                timeCommitment = "4 hours a month",
                availability = new[] { "weekends" },
                minimumAge = 18,
                backgroundCheck = "basic",
                places = 5,
            }),
            "POST /api/volunteers/organisation/volunteers/{id}/hours" => JsonSerializer.SerializeToNode(new
            {
                date = VolunteerStartedOn, hours = 1, activity = "Speedwatch (matrix)",
            }),
            "POST /api/volunteers/organisation/volunteers/{volunteerId}/credentials" => JsonSerializer.SerializeToNode(new
            {
                kind = "qualification", title = "First aid", issuedOn = VolunteerStartedOn, expiresOn = VolunteerStartedOn.AddYears(3),
            }),
            _ => null,
        };
    }
}
