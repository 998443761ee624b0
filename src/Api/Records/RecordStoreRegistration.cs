namespace Api.Records;

public static class RecordStoreRegistration
{
    /// <summary>The stores of every writable resource: the API and the migration job write through the same ones.</summary>
    public static IServiceCollection AddRecordStores(this IServiceCollection services) => services
        .AddSingleton<Topics.TopicStore>()
        .AddSingleton<Sources.SourceStore>()
        .AddSingleton<Organizations.OrganizationStore>()
        .AddSingleton<Persons.PersonStore>()
        .AddSingleton<Meetings.MeetingStore>()
        .AddSingleton<Agreements.AgreementStore>();
}
