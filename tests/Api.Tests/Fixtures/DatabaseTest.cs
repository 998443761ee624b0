namespace Api.Tests.Fixtures;

/// <summary>
/// A test of the API against the run's database. It runs in the <see cref="DatabaseCollection"/>: one PostgreSQL per
/// run, and tests one at a time. Each test starts with an empty database and gets a client of the shared test host.
/// xunit takes the collection from this class, so a test class that derives from it does not repeat the attribute.
/// </summary>
[Collection(DatabaseCollection.Name)]
public abstract class DatabaseTest : IAsyncLifetime
{
    /// <summary>A test that sends its requests without a key.</summary>
    protected DatabaseTest(DbFixture db)
        : this(db, db.Factory.CreateClient())
    {
    }

    /// <summary>A test that sends its requests with <paramref name="client"/>, such as <see cref="DbFixture.WriterClient"/>.</summary>
    protected DatabaseTest(DbFixture db, HttpClient client)
    {
        Db = db;
        Client = client;
    }

    protected DbFixture Db { get; }

    /// <summary>A client of the shared test host (<see cref="DbFixture.Factory"/>).</summary>
    protected HttpClient Client { get; }

    /// <summary>
    /// Empties the database. A class that needs the seed overrides this with <see cref="DbFixture.ResetAndSeedAsync"/>.
    /// A class with more set-up also overrides it, and first calls <c>base.InitializeAsync()</c> or <c>Db.ResetAndSeedAsync()</c>.
    /// </summary>
    public virtual Task InitializeAsync() => Db.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
