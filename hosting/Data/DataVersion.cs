using System.Globalization;

namespace Platform.AppHost.Hosting;

/// <summary>
/// The layout of a data folder (which servers keep what where, and which secrets open them), as a number in
/// {data}/data-version. A folder gets the current number when it is first used; a folder from before the number existed
/// has version 1's layout and is stamped as such. A folder stamped by a newer platform is refused before anything opens
/// it: an older PostgreSQL or RabbitMQ may not read what a newer one wrote, and a failed upgrade could lose the data.
/// </summary>
public static class DataVersion
{
    /// <summary>Raise it when a change means an older AppHost must not open the data any more.</summary>
    public const int Current = 1;

    internal const string FileName = "data-version";

    /// <summary>Stamps a folder that has no version yet, or says in one sentence why this AppHost will not open it.</summary>
    public static void CheckAndStamp(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, Current.ToString(CultureInfo.InvariantCulture) + "\n");
            return;
        }
        var text = File.ReadAllText(path).Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var found) || found < 1)
            throw new PlatformSetupException(
                $"{path} should hold the data folder's version but holds \"{Shorten(text)}\": restore it, pass --data DIR for another data folder, or --fresh to delete this data and start again.");
        if (found > Current)
            throw new PlatformSetupException(
                $"The data in {folder} was written by a newer version of the platform (data version {found}; this one reads up to {Current}): run that newer version, pass --data DIR for another data folder, or --fresh to delete this data and start again.");
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
