using System.Data;
using Dapper;

namespace Api.Data;

public static class DapperSetup
{
    private static int _configured;

    /// <summary>Column names in snake_case map to PascalCase properties; <c>date</c> maps to <see cref="DateOnly"/>.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
            return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => throw new DataException($"Cannot convert {value.GetType()} to DateOnly"),
        };
    }
}
