using Api.Http;
using Api.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Api.Tests.Http;

/// <summary>Logs stay useful while something fails over and over: one line per failed request, one stack a minute.</summary>
public sealed class ExceptionLogTests(DbFixture db) : DatabaseTest(db)
{
    [Fact]
    public async Task The_same_failure_logs_its_stack_once_and_a_line_for_each_request_after()
    {
        var log = new RecordingLogger();
        var handler = new ExceptionHandler(Db.Factory.Services.GetRequiredService<IProblemDetailsService>(), log);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
            statuses.Add(await HandleAsync(handler, Fail()));
        await HandleAsync(handler, new ArgumentException("another failure"));

        Assert.Equal([500, 500, 500], statuses);
        Assert.Equal([true, false, false, true], log.Entries.Select(e => e.HadException));
        Assert.All(log.Entries, e => Assert.Equal(LogLevel.Error, e.Level));
        Assert.Contains("the same bug", log.Entries[1].Message);
    }

    private static InvalidOperationException Fail()
    {
        try
        {
            throw new InvalidOperationException("the same bug");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    private async Task<int> HandleAsync(ExceptionHandler handler, Exception exception)
    {
        var context = new DefaultHttpContext { RequestServices = Db.Factory.Services };
        context.Request.Method = "GET";
        context.Request.Path = "/api/v1/meetings";
        context.Response.Body = new MemoryStream();
        await handler.TryHandleAsync(context, exception, CancellationToken.None);
        return context.Response.StatusCode;
    }

    private sealed class RecordingLogger : ILogger<ExceptionHandler>
    {
        public List<(LogLevel Level, bool HadException, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, exception is not null, formatter(state, exception)));
    }
}
