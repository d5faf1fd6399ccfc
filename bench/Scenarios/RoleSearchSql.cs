namespace Platform.Bench.Scenarios;

/// <summary>
/// pgbench's side of role-search: exactly the SQL Volunteers sends for each of the scenario's searches (read from the
/// wire at this commit): the count, then the page, two statements per search, with the query's filters as literals.
/// One script per search, which pgbench picks among at random as the HTTP side rotates through them.
/// </summary>
internal static class RoleSearchSql
{
    private const string From = "FROM volunteer_role AS v INNER JOIN organisation AS o ON v.organisation_id = o.id INNER JOIN organisation AS o0 ON v.organisation_id = o0.id " +
        "WHERE v.status = 'Open' AND o.status = 'Approved' AND (v.closes_on IS NULL OR v.closes_on >= current_date)";

    private const string Columns = "v.id, v.organisation_id, o0.name, v.title, v.category, v.district, v.remote, v.skills, v.time_commitment, v.background_check, " +
        "v.places - v.places_filled, v.closes_on, v.status";

    /// <summary>Each of <see cref="RoleSearch"/>'s queries: its filters as SQL, its page size and offset.</summary>
    public static readonly IReadOnlyList<(string Query, string Filters, int Take, int Skip)> Searches =
    [
        ("/api/volunteers/roles", "", 20, 0),
        ("/api/volunteers/roles?category=RoadSafety&district=Castleton", " AND v.category = 'RoadSafety' AND lower(v.district) = 'castleton'", 20, 0),
        ("/api/volunteers/roles?skill=first%20aid", " AND v.skills @> ARRAY['first aid']::text[]", 20, 0),
        ("/api/volunteers/roles?district=Brookmere&remote=false&page=3", " AND lower(v.district) = 'brookmere' AND v.remote = false", 20, 40),
        ("/api/volunteers/roles?q=youth&pageSize=50", " AND (v.title ILIKE '%youth%' ESCAPE '\\' OR v.description ILIKE '%youth%' ESCAPE '\\')", 50, 0),
        ("/api/volunteers/roles?availability=Weekends&category=VictimSupport",
            " AND v.category = 'VictimSupport' AND ('Weekends' = ANY (v.availability) OR 'Flexible' = ANY (v.availability))", 20, 0),
        ("/api/volunteers/roles?category=YouthDiversion&skill=mentoring&district=Dunmore",
            " AND v.category = 'YouthDiversion' AND lower(v.district) = 'dunmore' AND v.skills @> ARRAY['mentoring']::text[]", 20, 0),
        ("/api/volunteers/roles?remote=true&page=2&pageSize=10", " AND v.remote = true", 10, 10),
    ];

    public static string Script((string Query, string Filters, int Take, int Skip) search) =>
        $"SELECT count(*)::int {From}{search.Filters};\n" +
        $"SELECT {Columns} {From}{search.Filters} ORDER BY v.closes_on IS NULL, v.closes_on, v.id LIMIT {search.Take} OFFSET {search.Skip};\n";
}
