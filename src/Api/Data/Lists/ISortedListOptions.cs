namespace Api.Data.Lists;

/// <summary>The options of a list that is sorted by <c>sort=</c> from a fixed list of fields and counted by <c>count=</c>.</summary>
public interface ISortedListOptions
{
    string? Sort { get; }

    string? Count { get; }

    string? Cursor { get; }
}
