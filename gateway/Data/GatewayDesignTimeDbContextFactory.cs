using Platform.Data;

namespace Platform.Gateway.Data;

internal sealed class GatewayDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<GatewayDbContext>;
