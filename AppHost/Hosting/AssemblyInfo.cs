// The hosting code runs Debian's servers and signals Linux process groups.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
using System.Runtime.CompilerServices;
[assembly: InternalsVisibleTo("EndToEnd.Tests")]
