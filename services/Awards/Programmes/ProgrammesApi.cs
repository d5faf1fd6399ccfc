using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Categories;
using Platform.Awards.Infrastructure;
using Platform.Awards.Nominating;
using Platform.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Awards.Programmes;

public sealed record CategoryFigures(Guid CategoryId, string Name, int Nominations, int Nominees);

/// <summary>Aggregate figures for partners: counts of what was received, never of screening, shortlist or winner status.</summary>
public sealed record ProgrammeFigures(Guid ProgrammeId, IReadOnlyList<CategoryFigures> Categories);

/// <summary>Public programme pages; staff create programmes and categories; partners read aggregate figures.</summary>
public static class ProgrammesApi
{
    public static IEndpointRouteBuilder MapProgrammesApi(this IEndpointRouteBuilder routes)
    {
        var open = routes.MapGroup("/api/awards/programmes").WithTags("Programmes");
        open.MapGet("/", ListAsync).WithName("ListProgrammes").WithSummary("Awards programmes, newest first");
        open.MapGet("/{id:guid}", GetAsync).WithName("GetProgramme").WithSummary("A programme: windows, ceremony and categories with their rubrics")
            .ProducesProblem(StatusCodes.Status404NotFound);

        open.MapGet("/{id:guid}/figures", FiguresAsync).RequireAuthorization(AwardsPolicies.PartnerOrStaff)
            .WithName("GetProgrammeFigures").WithSummary("Nominations and nominees received per category (partners, staff)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesAuthorizationFailures();

        var staff = routes.MapGroup("/api/awards/programmes").WithTags("Programmes").RequireAuthorization(PlatformPolicies.Staff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesAuthorizationFailures();
        staff.MapPost("/", CreateAsync).WithName("CreateProgramme").WithSummary("Create a year's programme linked to its ceremony event");
        staff.MapPost("/{id:guid}/categories", AddCategoryAsync).WithName("AddCategory").WithSummary("Add a category with its rubric");
        return routes;
    }

    private static async Task<Ok<Paged<ProgrammeView>>> ListAsync(AwardsDbContext db, PageRequest paging, TimeProvider time, CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Id).ToPagedAsync(paging, ct);
        var ids = programmes.Items.Select(p => p.Id).ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.ProgrammeId)).ToListAsync(ct);
        var eventIds = programmes.Items.Select(p => p.CeremonyEventId).ToList();
        var ceremonies = await db.CeremonyEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(programmes.Select(p => p.ToView(ceremonies.GetValueOrDefault(p.CeremonyEventId), categories.Where(c => c.ProgrammeId == p.Id), now)));
    }

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> GetAsync(Guid id, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var p = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return RuleProblem.NotFound($"Programme {id}");
        var categories = await db.Categories.AsNoTracking().Where(c => c.ProgrammeId == id).ToListAsync(ct);
        var ceremony = await db.CeremonyEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == p.CeremonyEventId, ct);
        return TypedResults.Ok(p.ToView(ceremony, categories, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ProgrammeFigures>, ProblemHttpResult>> FiguresAsync(Guid id, AwardsDbContext db, CancellationToken ct)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == id, ct)) return RuleProblem.NotFound($"Programme {id}");
        // Withdrawn nominations drop out; nothing else about a nomination's fate is counted.
        var figures = await db.Categories.AsNoTracking().Where(c => c.ProgrammeId == id).OrderBy(c => c.Name)
            .Select(c => new CategoryFigures(c.Id, c.Name,
                db.Nominations.Count(n => n.CategoryId == c.Id && n.Status != NominationStatus.Withdrawn),
                db.Nominations.Where(n => n.CategoryId == c.Id && n.Status != NominationStatus.Withdrawn).Select(n => n.NomineeId).Distinct().Count()))
            .ToListAsync(ct);
        return TypedResults.Ok(new ProgrammeFigures(id, figures));
    }

    private static async Task<Results<Created<ProgrammeView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProgrammeRequest request, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return errors.ToProblem();
        var ceremony = await db.CeremonyEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.CeremonyEventId, ct);
        if (ceremony is null || ceremony.Cancelled)
            return ValidationErrors.For("ceremonyEventId", "The ceremony must be a published, not cancelled, event (see /api/awards/ceremony-events).");
        if (request.JudgingCloses > ceremony.StartsAt)
            return ValidationErrors.For("judgingCloses", "Judging must close before the ceremony starts.");

        var programme = request.ToProgramme(time.GetUtcNow());
        db.Programmes.Add(programme);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return RuleProblem.Conflict("one-programme-per-year", $"There is already a programme for {request.Year}.");
        }
        return TypedResults.Created($"/api/awards/programmes/{programme.Id}", programme.ToView(ceremony, [], time.GetUtcNow()));
    }

    private static async Task<Results<Created<CategoryView>, ValidationProblem, ProblemHttpResult>> AddCategoryAsync(
        Guid id, CategoryRequest request, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return errors.ToProblem();
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return RuleProblem.NotFound($"Programme {id}");
        // The rubric is what judges score against; changing the set of categories once judging starts would be unfair.
        if (time.GetUtcNow() >= programme.JudgingOpens)
            return RuleProblem.Conflict("judging-started", "Categories cannot be added once judging has opened.");

        var category = request.ToCategory(id);
        db.Categories.Add(category);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return RuleProblem.Conflict("category-name", $"The programme already has a category named '{category.Name}'.");
        }
        return TypedResults.Created($"/api/awards/programmes/{id}", category.ToView());
    }
}
