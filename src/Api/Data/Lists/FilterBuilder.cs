using Dapper;

namespace Api.Data.Lists;

/// <summary>Collects a list's filter conditions with the values of their parameters; each list's filter builder fills one.</summary>
public sealed class FilterBuilder
{
    private readonly List<string> _conditions = [];

    private readonly List<string> _ordered = [];

    private bool _hasOrdered;

    public DynamicParameters Parameters { get; } = new();

    /// <summary>A condition that reads one parameter, with its value.</summary>
    public void Add(string condition, string name, object value)
    {
        Add(condition);
        Parameters.Add(name, value);
    }

    /// <summary>
    /// A condition whose parameters were added to <see cref="Parameters"/> already; with, when a page in list order
    /// should not go through the index that serves <paramref name="condition"/>, the same condition written so.
    /// </summary>
    public void Add(string condition, string? inListOrder = null)
    {
        _conditions.Add(condition);
        _ordered.Add(inListOrder ?? condition);
        _hasOrdered |= inListOrder is not null;
    }

    /// <summary>See <see cref="FilterSql.Nearest"/>.</summary>
    public string? Nearest { get; set; }

    /// <summary>The rows of <paramref name="from"/> that meet every condition added (all rows when none was).</summary>
    public FilterSql Build(string from) =>
        new(from, Join(_conditions), Parameters) { InListOrder = _hasOrdered ? Join(_ordered) : null, Nearest = Nearest };

    private static string Join(List<string> conditions) => conditions.Count == 0 ? FilterSql.All : string.Join("\n  AND ", conditions);
}
