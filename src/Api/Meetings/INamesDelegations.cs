namespace Api.Meetings;

/// <summary>
/// A meeting document that chooses the ids of its new delegations itself: the seed import derives them
/// from the seed key, so every environment gets the same ids.
/// </summary>
public interface INamesDelegations
{
    Guid DelegationId(string delegationKey);
}
