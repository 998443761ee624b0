namespace Api.Records;

/// <summary>Every resource the API writes, by name: the resources of the stores registered (<see cref="RecordStoreRegistration"/>).</summary>
public sealed class RecordResources(IEnumerable<IRecordStore> stores)
{
    private readonly Dictionary<string, Resource> _byName = stores.Select(s => s.Resource).ToDictionary(r => r.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public Resource this[string name] => _byName.TryGetValue(name, out var resource)
        ? resource
        : throw new ArgumentOutOfRangeException(nameof(name), name, "No store writes this resource.");
}
