namespace Api.Http;

/// <summary>A record whose single-record GET carries an ETag: the row's version, raised by every change.</summary>
public interface IVersioned
{
    long Version { get; }
}
