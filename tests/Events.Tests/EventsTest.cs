namespace Platform.Events.Tests;

/// <summary>A test class whose every test gets an Events service and database of its own, and an anonymous client of it.</summary>
public abstract class EventsTest(PostgresServer postgres) : IAsyncLifetime
{
    protected EventsFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Factory = await EventsFactory.StartAsync(postgres);
        Client = Factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
