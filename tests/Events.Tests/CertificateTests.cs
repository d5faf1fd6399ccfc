using System.Net;
using System.Net.Http.Json;
using Platform.Events.Certificates;

namespace Platform.Events.Tests;

/// <summary>Certificates of attendance at training days: for checked-in delegates, verified by an unguessable code.</summary>
public sealed class CertificateTests(PostgresServer postgres) : EventsTest(postgres)
{
    [Fact]
    public async Task A_checked_in_delegate_gets_one_certificate_whose_code_verifies_and_a_made_up_code_does_not()
    {
        var e = await TestDelegates.PublishedTrainingDayAsync(Factory);
        var attended = await TestDelegates.RegisterAsync(Factory, e, 1);
        var stayedAway = await TestDelegates.RegisterAsync(Factory, e, 2);
        await TestDelegates.CheckInAsync(Factory, e, attended);

        var refused = await Client.PostAsync($"{TestDelegates.ManagePath(stayedAway)}/certificate", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("not-checked-in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var issued = await Client.PostAsync($"{TestDelegates.ManagePath(attended)}/certificate", null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var certificate = await issued.ReadAsync<CertificateView>();
        Assert.Equal("Delegate 1", certificate.Name);
        Assert.Matches("^([A-Z2-9]{4}-){4}[A-Z2-9]{4}$", certificate.Code);
        var again = await Client.PostAsync($"{TestDelegates.ManagePath(attended)}/certificate", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(certificate.Code, (await again.ReadAsync<CertificateView>()).Code);

        // Anyone checks the code as printed, or typed in lower case without its hyphens.
        var verified = await Client.GetFromJsonAsync<CertificateView>($"/api/events/certificates/{certificate.Code.Replace("-", "").ToLowerInvariant()}", Json.Options);
        Assert.Equal(("Delegate 1", e.EventId), (verified!.Name, verified.EventId));

        var madeUp = CertificateCode.Format(CertificateCode.Create());
        foreach (var code in new[] { madeUp, "ABCD", "not a code at all" })
        {
            var unknown = await Client.GetAsync($"/api/events/certificates/{Uri.EscapeDataString(code)}");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Contains("certificate-unknown", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_conference_gives_no_certificate()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(10, 0)]);
        var attended = await TestDelegates.RegisterAsync(Factory, e, 1);
        await TestDelegates.CheckInAsync(Factory, e, attended);
        var refused = await Client.PostAsync($"{TestDelegates.ManagePath(attended)}/certificate", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("not-a-training-day", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_are_random_and_read_back_however_they_are_typed()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => CertificateCode.Create()).ToHashSet();
        Assert.Equal(1000, codes.Count);
        var code = codes.First();
        Assert.Equal(code, CertificateCode.Normalise($" {CertificateCode.Format(code).ToLowerInvariant()} "));
        Assert.Null(CertificateCode.Normalise(code[..^1]));
        Assert.Null(CertificateCode.Normalise(code[..^1] + "0")); // 0 is not in the alphabet (looks like O)
    }
}
