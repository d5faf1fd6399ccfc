namespace Platform.Gateway.Tests;

/// <summary>A test class whose every test gets a gateway of its own, with no services behind it, and a staff session on it.</summary>
public abstract class StaffGatewayTest : IAsyncLifetime
{
    protected GatewayFactory Gateway { get; private set; } = null!;

    protected HttpClient Staff { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Gateway = new GatewayFactory(new Dictionary<string, string>());
        Staff = await Gateway.CreateStaffClientAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
