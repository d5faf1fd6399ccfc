using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Notifications.Infrastructure;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// A partner's webhooks: register an endpoint for event types (the signing secret shown once), list, remove, read the
/// delivery log and replay a message. For partner keys, organisation keys (scope webhooks:write) and organisation users;
/// every query is filtered by the caller's organisation, so another's endpoint or message is simply not found (404).
/// </summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications/webhooks").WithTags("Webhooks")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser()
                .RequireClaim(PlatformClaims.Role, PlatformClaims.Roles.Partner, PlatformClaims.Roles.Organisation)
                .RequireAssertion(context => context.User.GetOrganisationId() is not null))
            .ProducesAuthorizationFailures();
        group.MapGet("/event-types", () => TypedResults.Ok(WebhookEventTypes.All))
            .WithName("ListWebhookEventTypes").WithSummary("The event types an endpoint may subscribe to");
        group.MapPost("/", CreateAsync).WithName("CreateWebhookEndpoint")
            .WithSummary("Register an HTTPS endpoint for event types (the signing secret is shown once)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("ListWebhookEndpoints").WithSummary("Your organisation's endpoints");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWebhookEndpoint").WithSummary("One endpoint")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhookEndpoint").WithSummary("Stop sending to an endpoint")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("The endpoint's delivery log, newest first, with every attempt").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/replay", ReplayAsync).WithName("ReplayWebhookDelivery")
            .WithSummary("Send a message again now (same webhook-id), retried as a new one if it fails")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<WebhookEndpointView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        WebhookEndpointRequest request, ClaimsPrincipal user, NotificationsDbContext db, WebhookAddresses addresses, TimeProvider time,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (addresses.RefusalOf(request.Url) is { } refusal) errors.Add("url", refusal);
        var types = (request.EventTypes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (types.Count == 0 || types.Any(t => !WebhookEventTypes.All.Contains(t)))
            errors.Add("eventTypes", $"At least one event type is required, each one of: {string.Join(", ", WebhookEventTypes.All)}.");
        var description = request.Description?.Trim() ?? "";
        if (description.Length > WebhookLimits.DescriptionLength)
            errors.Add("description", $"At most {WebhookLimits.DescriptionLength} characters.");
        if (errors.Any) return errors.ToProblem();

        var organisation = Organisation(user);
        if (await Own(db, user).CountAsync(ct) >= WebhookLimits.EndpointsPerOrganisation)
            return RuleProblem.Conflict("endpoint-limit", $"An organisation may hold at most {WebhookLimits.EndpointsPerOrganisation} endpoints; remove one first.");

        var endpoint = new WebhookEndpoint
        {
            OrganisationId = organisation,
            Url = request.Url.Trim(),
            Description = description,
            EventTypes = string.Join(' ', types),
            Secret = WebhookSignature.NewSecret(),
            CreatedAt = time.GetUtcNow(),
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/notifications/webhooks/{endpoint.Id}", WebhookEndpointView.Of(endpoint, withSecret: true));
    }

    private static async Task<Ok<Paged<WebhookEndpointView>>> ListAsync(ClaimsPrincipal user, NotificationsDbContext db, PageRequest paging, CancellationToken ct)
    {
        var page = await Own(db, user).OrderBy(e => e.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(e => WebhookEndpointView.Of(e)));
    }

    private static async Task<Results<Ok<WebhookEndpointView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken ct)
    {
        var endpoint = await Own(db, user).FirstOrDefaultAsync(e => e.Id == id, ct);
        return endpoint is null ? RuleProblem.NotFound($"Webhook endpoint {id}") : TypedResults.Ok(WebhookEndpointView.Of(endpoint));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Kept (deleted) for its delivery log; its pending messages are dropped by the dispatcher.
        var deleted = await Own(db, user).Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.DeletedAt, now), ct);
        return deleted == 0 ? RuleProblem.NotFound($"Webhook endpoint {id}") : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Paged<WebhookDeliveryView>>, ProblemHttpResult>> DeliveriesAsync(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, PageRequest paging, CancellationToken ct)
    {
        if (!await Own(db, user).AnyAsync(e => e.Id == id, ct)) return RuleProblem.NotFound($"Webhook endpoint {id}");
        var page = await db.WebhookDeliveries.AsNoTracking().Include(d => d.History).Where(d => d.EndpointId == id)
            .OrderByDescending(d => d.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(WebhookDeliveryView.Of));
    }

    private static async Task<Results<Accepted<WebhookDeliveryView>, ProblemHttpResult>> ReplayAsync(
        Guid id, Guid deliveryId, ClaimsPrincipal user, NotificationsDbContext db, WebhookSignal signal, IOptions<WebhookOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var organisation = Organisation(user);
        var delivery = await (from d in db.WebhookDeliveries.Include(d => d.History)
                              join e in db.WebhookEndpoints on d.EndpointId equals e.Id
                              where d.Id == deliveryId && e.Id == id && e.OrganisationId == organisation && e.DeletedAt == null
                              select d).FirstOrDefaultAsync(ct);
        if (delivery is null) return RuleProblem.NotFound($"Webhook delivery {deliveryId}");

        var now = time.GetUtcNow();
        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.NextAttemptAt = now;
        delivery.RetryUntil = now + options.Value.RetryFor;
        await db.SaveChangesAsync(ct);
        signal.Nudge();
        return TypedResults.Accepted($"/api/notifications/webhooks/{id}/deliveries", WebhookDeliveryView.Of(delivery));
    }

    private static IQueryable<WebhookEndpoint> Own(NotificationsDbContext db, ClaimsPrincipal user)
    {
        var organisation = Organisation(user);
        return db.WebhookEndpoints.Where(e => e.OrganisationId == organisation && e.DeletedAt == null);
    }

    private static Guid Organisation(ClaimsPrincipal user) =>
        user.GetOrganisationId() ?? throw new InvalidOperationException("The policy admits only callers with an organisation id.");
}
