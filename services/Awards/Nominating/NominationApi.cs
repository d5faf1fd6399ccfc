using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Awards.Infrastructure;
using Platform.Contracts.Awards;
using Platform.Messaging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Awards.Nominating;

/// <summary>Public nominations: no account; duplicates of a nominee in a category join the same <see cref="Nominee"/>.</summary>
public static class NominationApi
{
    /// <summary>What nominating needs from the host, bound as one parameter.</summary>
    public readonly record struct NominationServices(
        AwardsDbContext Db, IIntegrationEventOutbox Outbox, TimeProvider Time, IOptions<AwardsOptions> Options, Districts Districts);

    public static IEndpointRouteBuilder MapNominationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/awards/programmes/{programmeId:guid}/nominations").WithTags("Nominations")
            .MapPost("/", NominateAsync)
            .WithName("Nominate").WithSummary("Nominate someone (public and partners, no account)")
            .WithDescription("The nominator is sent an acknowledgement with a manage link to withdraw while nominations are open.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    private static async Task<Results<Created<NominationCreated>, ValidationProblem, ProblemHttpResult>> NominateAsync(
        Guid programmeId, NominationRequest request, [AsParameters] NominationServices services, CancellationToken ct)
    {
        var (db, outbox, time, options, districts) = services;
        var errors = request.Validate();
        districts.CheckOptional(errors, "nominee.district", request.Nominee?.District);
        if (errors.Any) return errors.ToProblem();
        // Stored in the list's own spelling, so the same district always reads the same.
        request = request with { Nominee = request.Nominee! with { District = districts.Find(request.Nominee!.District) } };

        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null) return RuleProblem.NotFound($"Programme {programmeId}");
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CategoryId && c.ProgrammeId == programmeId, ct);
        if (category is null) return ValidationErrors.For("categoryId", "The category is not one of this programme's.");
        errors = request.ValidateFor(category);
        if (errors.Any) return errors.ToProblem();

        var now = time.GetUtcNow();
        if (!programme.NominationsOpenAt(now))
            return RuleProblem.Unprocessable("nomination-window",
                $"Nominations are open from {programme.NominationsOpen:u} to {programme.NominationsClose:u}.");

        var token = BearerSecret.Create();
        var key = NomineeKey.Of(request.Nominee!.Name!, Text.Trimmed(request.Nominee.Organisation));
        // Two first nominations of the same person can race to create the nominee; the unique key lets one win and
        // the retry joins it.
        for (var attempt = 0; ; attempt++)
        {
            var nominee = await db.Nominees.FirstOrDefaultAsync(x => x.CategoryId == category.Id && x.Key == key, ct);
            if (nominee is null)
            {
                nominee = new Nominee
                {
                    ProgrammeId = programmeId,
                    CategoryId = category.Id,
                    Key = key,
                    Name = request.Nominee.Name!.Trim(),
                    Organisation = Text.Trimmed(request.Nominee.Organisation),
                    CreatedAt = now,
                };
                db.Nominees.Add(nominee);
            }
            // A later nominator may know what an earlier one did not.
            nominee.District ??= Text.Trimmed(request.Nominee.District);
            // The contact address each nominator gives stays with their nomination; the nominee's own is only ever
            // set by staff at screening (ScreeningApi), so no nominator decides where the nominee is written to.

            var withdrawBefore = programme.NominationsClose;
            var nomination = request.ToNomination(programmeId, nominee.Id, BearerSecret.Hash(token),
                programme.NominationsClose + options.Value.ManageLinkLifetimeAfterClose, now);
            db.Nominations.Add(nomination);
            outbox.Add(new NominationReceived(nomination.Id, programmeId, programme.Title, category.Name, nomination.NomineeName,
                nomination.NominatorName, nomination.NominatorEmail, token, withdrawBefore)
            { OccurredAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/awards/nominations/{token}",
                    new NominationCreated(nomination.ToReceipt(programme.Title, category.Name, withdrawBefore), token));
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
