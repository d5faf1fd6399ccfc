namespace Platform.Volunteers.Tests;

/// <summary>A test class whose every test gets a Volunteers service and database of its own, and a world to build in it.</summary>
public abstract class VolunteersTest(PostgresServer postgres) : IAsyncLifetime
{
    protected VolunteersFactory Factory { get; private set; } = null!;

    protected World World { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Factory = await VolunteersFactory.StartAsync(postgres);
        World = new World(Factory);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
