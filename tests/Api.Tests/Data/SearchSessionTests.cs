using Api.Data;
using Api.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Api.Tests.Data;

/// <summary>
/// A search's session (<see cref="Database.OpenAsync(bool)"/>): PostgreSQL plans its statements with each request's
/// values even once they are prepared, and the setting goes no further than the session, on a pooled connection
/// that is never reset.
/// </summary>
public sealed class SearchSessionTests(DbFixture db) : DatabaseTest(db)
{
    // One pooled connection, prepared after two uses, as the API sets it otherwise: every session below is on it.
    private NpgsqlDataSource OneConnection() =>
        new NpgsqlDataSourceBuilder(Db.ConnectionString + ";Maximum Pool Size=1;Max Auto Prepare=64;Auto Prepare Min Usages=2;No Reset On Close=true").Build();

    private const string Statement = "SELECT count(*) FROM meetings WHERE title_en LIKE @pattern";

    [Fact]
    public async Task A_search_statement_run_again_and_again_is_never_given_a_generic_plan_and_the_next_session_is_as_before()
    {
        await using var source = OneConnection();
        var database = new Database(source, new RequestDeadline(new HttpContextAccessor(), new RequestTimeout(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30))));

        await using (var search = await database.OpenAsync(search: true))
        {
            for (var i = 0; i < 10; i++)
                await search.ScalarAsync<long>(Statement, new { pattern = $"%{i}%" });
            Assert.Equal(0, await GenericPlansAsync(search));
            await Assert.ThrowsAsync<PostgresException>(() => search.ExecuteAsync("DELETE FROM meetings"));
        }

        await using var plain = await database.OpenAsync(search: false);
        Assert.Equal("auto", await plain.ScalarAsync<string>("SHOW plan_cache_mode"));
        for (var i = 0; i < 10; i++)
            await plain.ScalarAsync<long>(Statement, new { pattern = $"%{i}%" });
        // The same statement on the same connection, outside a search, is given the generic plan as usual.
        Assert.True(await GenericPlansAsync(plain) > 0, "a plain session's prepared statement was never planned generically");
    }

    private static async Task<long> GenericPlansAsync(DbSession session) =>
        await session.ScalarAsync<long>(
            "SELECT coalesce(sum(generic_plans), 0)::bigint FROM pg_prepared_statements WHERE statement LIKE 'SELECT count(*) FROM meetings WHERE title_en LIKE%'");
}
