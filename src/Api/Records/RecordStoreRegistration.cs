namespace Api.Records;

public static class RecordStoreRegistration
{
    /// <summary>
    /// The store of every writable resource, found in this assembly (each implements <see cref="IRecordStore{TDoc}"/>),
    /// as itself and as an <see cref="IRecordStore"/>, with the <see cref="RecordResources"/> they make up: the API and the
    /// migration job write through the same ones, and a new resource's store is picked up without a list to extend.
    /// </summary>
    public static IServiceCollection AddRecordStores(this IServiceCollection services)
    {
        var stores = typeof(IRecordStore).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRecordStore).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var store in stores)
        {
            services.AddSingleton(store);
            services.AddSingleton(typeof(IRecordStore), provider => provider.GetRequiredService(store));
        }
        return services.AddSingleton<RecordResources>();
    }
}
