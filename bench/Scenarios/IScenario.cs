namespace Platform.Bench.Scenarios;

public interface IScenario
{
    Task<object> RunAsync(BenchOptions options);
}
