using Dapper;

namespace Api.Data.Lists;

/// <summary>Collects a list's filter conditions with the values of their parameters; each list's filter builder fills one.</summary>
public sealed class FilterBuilder
{
    private readonly List<string> _conditions = [];

    public DynamicParameters Parameters { get; } = new();

    /// <summary>A condition that reads one parameter, with its value.</summary>
    public void Add(string condition, string name, object value)
    {
        _conditions.Add(condition);
        Parameters.Add(name, value);
    }

    /// <summary>A condition whose parameters were added to <see cref="Parameters"/> already.</summary>
    public void Add(string condition) => _conditions.Add(condition);

    /// <summary>The rows of <paramref name="from"/> that meet every condition added (all rows when none was).</summary>
    public FilterSql Build(string from) =>
        new(from, _conditions.Count == 0 ? FilterSql.All : string.Join("\n  AND ", _conditions), Parameters);
}
