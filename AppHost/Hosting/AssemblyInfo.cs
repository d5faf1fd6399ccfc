using System.Runtime.CompilerServices;

// The hosting code runs Debian's servers and signals Linux process groups.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: InternalsVisibleTo("EndToEnd.Tests")]
[assembly: InternalsVisibleTo("AppHost.Tests")]
