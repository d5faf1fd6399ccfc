using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace Platform.ServiceDefaults.Serialization;

/// <summary>
/// Lets an enum in a query string be spelled either way (<c>?category=roadSafety</c> or the older <c>RoadSafety</c>):
/// minimal APIs bind enum parameters with a case-sensitive parse, so before the endpoint runs, a value of one of its
/// enum parameters that matches a member's name ignoring case is replaced by that name. Anything else is left for the
/// binder to reject as before.
/// </summary>
internal static class EnumQuerySpelling
{
    private static readonly ConcurrentDictionary<MethodInfo, IReadOnlyDictionary<string, Type>> ParametersByHandler = new();

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.QueryString.HasValue
            && context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } handler
            && ParametersByHandler.GetOrAdd(handler, EnumQueryParameters) is { Count: > 0 } enums)
        {
            var query = context.Request.Query;
            Dictionary<string, StringValues>? rewritten = null;
            foreach (var (key, values) in query)
            {
                if (!enums.TryGetValue(key, out var type)) continue;
                var names = Enum.GetNames(type);
                var spelled = values.Select(v => names.FirstOrDefault(n => string.Equals(n, v, StringComparison.OrdinalIgnoreCase)) ?? v).ToArray();
                if (spelled.SequenceEqual(values, StringComparer.Ordinal)) continue;
                rewritten ??= query.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
                rewritten[key] = new StringValues(spelled);
            }

            if (rewritten is not null) context.Request.Query = new QueryCollection(rewritten);
        }

        return next(context);
    }

    /// <summary>The handler's parameters bound from the query string whose type is an enum (or a nullable or array of one), by query name.</summary>
    private static IReadOnlyDictionary<string, Type> EnumQueryParameters(MethodInfo handler)
    {
        var found = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.GetParameters())
        {
            var type = parameter.ParameterType.IsArray ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!type.IsEnum || parameter.Name is null) continue;
            var attributes = parameter.GetCustomAttributes(inherit: true);
            if (attributes.Any(a => a is FromBodyAttribute or FromRouteAttribute or FromHeaderAttribute or FromServicesAttribute or FromFormAttribute))
                continue;
            var name = attributes.OfType<FromQueryAttribute>().FirstOrDefault()?.Name ?? parameter.Name;
            found[name] = type;
        }

        return found;
    }
}
