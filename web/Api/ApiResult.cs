using System.Diagnostics.CodeAnalysis;

namespace Platform.Web.Api;

/// <summary>What the platform answered: the value, or the problem it refused the request with.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;
}

/// <summary>A file the platform serves (a calendar entry, a QR code).</summary>
public sealed record ApiFile(byte[] Content, string ContentType, string? FileName);
