using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Notifications.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Serialization;

namespace Platform.Notifications.News;

public static class NewsApi
{
    public static IEndpointRouteBuilder MapNewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications/news").WithTags("News").RequireAuthorization(PlatformPolicies.Staff)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", CreateDraft).WithName("CreateNewsDraft").WithSummary("Writes a news post as a draft (Markdown body).");
        api.MapPost("/preview", Preview).WithName("PreviewNews")
            .WithSummary("The post as subscribers will be sent it (its Markdown as HTML), checked as a draft is but not saved.");
        api.MapGet("", List).WithName("ListNews").WithSummary("The newest posts, drafts and published.");
        api.MapGet("/{id:guid}", Get).WithName("GetNews").WithSummary("One news post, draft or published.");
        api.MapPost("/{id:guid}/publish", Publish)
            .WithName("PublishNews")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Publishes a draft: immediate subscribers of its topic are emailed now, the rest get it in their next digest.");

        // Public: the news archive on the site. Published posts only; a draft is never shown, not even by its id.
        var published = app.MapGroup("/api/notifications/news/published").WithTags("News").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        published.MapGet("", ListPublished).WithName("ListPublishedNews").WithSummary("Published posts, newest first (public).");
        published.MapGet("/{id:guid}", GetPublished).WithName("GetPublishedNews").WithSummary("One published post (public); a draft is 404.");
        return app;
    }

    private static async Task<Ok<Paged<PublicNewsPostView>>> ListPublished(NotificationsDbContext db, PageRequest paging, CancellationToken ct)
    {
        // Newest publication first; the id breaks ties so paging shows every post once.
        var posts = await db.NewsPosts.AsNoTracking()
            .Where(p => p.Status == NewsPostStatus.Published)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .ToPagedAsync(paging, ct);
        return TypedResults.Ok(posts.Select(PublicView));
    }

    private static async Task<Results<Ok<PublicNewsPostView>, ProblemHttpResult>> GetPublished(Guid id, NotificationsDbContext db, CancellationToken ct) =>
        await db.NewsPosts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.Status == NewsPostStatus.Published, ct) is { } post
            ? TypedResults.Ok(PublicView(post))
            : NotFound(id);

    // No author or Markdown source: the public sees what subscribers were sent.
    private static PublicNewsPostView PublicView(NewsPost p) =>
        new(p.Id, p.Title, p.BodyHtml, p.Topic, p.District, p.PublishedAt!.Value);

    private static async Task<Results<Created<NewsPostView>, ValidationProblem>> CreateDraft(
        NewsRequest request, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider time, Districts districts, CancellationToken ct)
    {
        var errors = NewsRequestValidation.Validate(request, districts);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var post = new NewsPost
        {
            Title = request.Title!.Trim(),
            BodyMarkdown = request.Body!,
            BodyHtml = NewsMarkdown.ToHtml(request.Body!),
            Topic = request.Topic!.Trim().ToLowerInvariant(),
            District = districts.Find(request.District),
            Status = NewsPostStatus.Draft,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Author = user.GetSubject() ?? "staff",
        };
        db.NewsPosts.Add(post);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/notifications/news/{post.Id}", View(post));
    }

    // The back office's preview: the same rule (NewsMarkdown) that renders the draft and the email, so what staff see is
    // what subscribers get; nothing is stored.
    private static Results<Ok<NewsPreview>, ValidationProblem> Preview(NewsRequest request, Districts districts)
    {
        var errors = NewsRequestValidation.Validate(request, districts);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(new NewsPreview(request.Title!.Trim(), NewsMarkdown.ToHtml(request.Body!),
            request.Topic!.Trim().ToLowerInvariant(), districts.Find(request.District)));
    }

    private static async Task<Ok<Paged<NewsPostView>>> List(NotificationsDbContext db, PageRequest paging, CancellationToken ct)
    {
        // Ids are version 7 Guids: newest first.
        var posts = await db.NewsPosts.AsNoTracking().OrderByDescending(p => p.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(posts.Select(View));
    }

    private static async Task<Results<Ok<NewsPostView>, ProblemHttpResult>> Get(Guid id, NotificationsDbContext db, CancellationToken ct) =>
        await db.NewsPosts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } post
            ? TypedResults.Ok(View(post))
            : NotFound(id);

    private static async Task<Results<Ok<PublishedView>, ProblemHttpResult>> Publish(
        Guid id, NotificationsDbContext db, NewsPublishing publishing, CancellationToken ct)
    {
        var queued = await publishing.PublishAsync(id, ct);
        var post = await db.NewsPosts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return NotFound(id);
        if (queued is null)
        {
            return RuleProblem.Conflict("already-published", $"News post {id} was published at {post.PublishedAt:O}; it is sent once.");
        }

        return TypedResults.Ok(new PublishedView(post.Id, EnumSpelling.Of(post.Status), post.PublishedAt, queued.Value));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        RuleProblem.Create(StatusCodes.Status404NotFound, "not-found", $"There is no news post {id}.");

    private static NewsPostView View(NewsPost p) =>
        new(p.Id, p.Title, p.BodyMarkdown, p.BodyHtml, p.Topic, p.District, EnumSpelling.Of(p.Status), p.CreatedAt, p.PublishedAt);
}
