using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Managing;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Problems;

namespace Platform.Events.Certificates;

/// <summary>
/// What the certificate says, and where anyone checks it: <c>VerifyPath</c> is the site's public page for the code
/// (the API's own check is <c>GET /api/events/certificates/{code}</c>).
/// </summary>
public sealed record CertificateView(
    string Code, string Name, string Organisation, Guid EventId, string EventTitle, EventKind Kind, string Organiser, string Venue,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset CheckedInAt, DateTimeOffset IssuedAt, string VerifyPath);

/// <summary>Certificates of attendance at training days: issued through the manage link, checked by anyone with the code.</summary>
public static class CertificatesApi
{
    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/events/registrations/{token}/certificate", IssueAsync).WithTags("Certificates").WithName("IssueCertificate")
            .WithSummary("The delegate's certificate of attendance at a training day (checked-in delegates only); the same one every time")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapGet("/api/events/certificates/{code}", VerifyAsync).WithTags("Certificates").WithName("VerifyCertificate")
            .WithSummary("Check a certificate's code (public): who attended which training day")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<CertificateView>, Ok<CertificateView>, ProblemHttpResult>> IssueAsync(
        string token, ManagedRegistrations registrations, EventsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await registrations.FindForFollowUpAsync(token, ct) is not { } found) return ManageApi.UnknownLink();
        var (registration, e) = found;
        if (e.Kind != EventKind.TrainingDay)
            return RuleProblem.Conflict("not-a-training-day", "Certificates of attendance are given for training days.");
        if (registration.Status != RegistrationStatus.Confirmed || registration.CheckedInAt is null)
            return RuleProblem.Conflict("not-checked-in", "A certificate of attendance is for delegates who were checked in at the training day.");

        if (await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.RegistrationId == registration.Id, ct) is { } issued)
            return TypedResults.Ok(View(issued, registration, e));
        var certificate = new Certificate { Code = CertificateCode.Create(), EventId = e.Id, RegistrationId = registration.Id, IssuedAt = time.GetUtcNow() };
        db.Certificates.Add(certificate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(CertificateModel.OnePerRegistration))
        {
            // Asked twice at once: the first one issued is the delegate's certificate.
            db.ChangeTracker.Clear();
            var first = await db.Certificates.AsNoTracking().FirstAsync(c => c.RegistrationId == registration.Id, ct);
            return TypedResults.Ok(View(first, registration, e));
        }
        return TypedResults.Created($"/api/events/certificates/{certificate.Code}", View(certificate, registration, e));
    }

    private static async Task<Results<Ok<CertificateView>, ProblemHttpResult>> VerifyAsync(string code, EventsDbContext db, CancellationToken ct)
    {
        var plain = CertificateCode.Normalise(code);
        var found = plain is null ? null : await db.Certificates.AsNoTracking().Where(c => c.Code == plain)
            .Join(db.Registrations, c => c.RegistrationId, r => r.Id, (c, r) => new { c, r })
            .Join(db.Events, x => x.c.EventId, e => e.Id, (x, e) => new { x.c, x.r, e })
            .FirstOrDefaultAsync(ct);
        // One answer for a code of the wrong shape and one nobody was given: the answer says only that it does not verify.
        return found is null
            ? RuleProblem.Create(StatusCodes.Status404NotFound, "certificate-unknown", "No certificate has this code: it does not verify.")
            : TypedResults.Ok(View(found.c, found.r, found.e));
    }

    private static CertificateView View(Certificate c, Registration r, PartnershipEvent e) => new(
        CertificateCode.Format(c.Code), r.Name, r.Organisation, e.Id, e.Title, e.Kind, e.Organiser, e.Venue.Name,
        e.StartsAt.ToLondon(), e.EndsAt.ToLondon(), r.CheckedInAt!.Value.ToLondon(), c.IssuedAt.ToLondon(),
        $"/certificates/{CertificateCode.Format(c.Code)}");
}
