using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Paging;

/// <summary>
/// The page of a list a caller asks for, <c>?page=</c> (from 1) and <c>?pageSize=</c> (1 to <see cref="MaxPageSize"/>),
/// taken by every list endpoint of every service and the gateway as a handler parameter. Bound here rather than as two
/// ints per handler so the bounds cannot differ between lists and no handler ever computes an offset from a bad value:
/// anything out of bounds or unreadable is a 400 ValidationProblem naming the field before the handler runs.
/// </summary>
public sealed record PageRequest(int Page, int PageSize) : IEndpointParameterMetadataProvider
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// Deep pages are refused rather than paid for: OFFSET reads and throws away every row before the page (and
    /// (page − 1) × pageSize must stay an int). A caller that far into a list narrows it with the list's filters.
    /// </summary>
    public const int MaxPage = 10_000;

    public static PageRequest First { get; } = new(1, DefaultPageSize);

    /// <summary>How many items come before this page; in range for every page that passed binding.</summary>
    public int Offset => (Page - 1) * PageSize;

    public static ValueTask<PageRequest?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = context.Request.Query;
        var errors = new ValidationErrors();
        var page = Read(errors, query["page"], "page", 1, 1, MaxPage);
        var pageSize = Read(errors, query["pageSize"], "pageSize", DefaultPageSize, 1, MaxPageSize);
        if (errors.Any) throw new InvalidRequestException(errors.ToProblem("The page asked for is out of bounds."));
        return ValueTask.FromResult<PageRequest?>(new PageRequest(page, pageSize));
    }

    private static int Read(ValidationErrors errors, string? text, string name, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(text)) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors.Add(name, $"'{name}' must be a whole number from {min} to {max}.");
        return fallback;
    }

    /// <summary>Marks the endpoint as a paged list, for its OpenAPI description (<see cref="PagingDocumentation"/>).</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new PagedListMetadata(parameter.Name ?? "paging"));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
    }
}

/// <summary>The endpoint returns one page of a list; <paramref name="ParameterName"/> is the handler's PageRequest parameter.</summary>
public sealed record PagedListMetadata(string ParameterName);
