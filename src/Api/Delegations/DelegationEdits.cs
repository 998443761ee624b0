using Api.Meetings;

namespace Api.Delegations;

/// <summary>
/// A delegation is part of its meeting: adding, replacing or removing one is an edit of the meeting
/// document, written and logged as a change of the meeting (whose version and ETag change with it).
/// The delegation's own ETag (its version and body) guards its If-Match.
/// </summary>
public static class DelegationEdits
{
    private const string Duplicate =
        "The meeting already has a delegation of this country and organisation in this role; change that one instead.";

    /// <summary>Adds <paramref name="delegation"/>, with the id it will have, to its meeting.</summary>
    public static Func<DbSession, Stored<MeetingRequest>, Task<Edit<MeetingRequest>>> Add(Guid id, DelegationRequest delegation) =>
        (_, stored) =>
        {
            var key = MeetingStore.DelegationKey(delegation);
            Edit<MeetingRequest> edit = stored.Doc.Delegations.Any(d => MeetingStore.DelegationKey(d) == key)
                ? WriteResult.Conflict(Duplicate)
                : SeatedElsewhere(delegation, stored.Doc.Delegations)
                    ?? Edit<MeetingRequest>.To(stored.Doc with { Delegations = [.. stored.Doc.Delegations, delegation with { Id = id }] });
            return Task.FromResult(edit);
        };

    /// <summary>Replaces delegation <paramref name="id"/> with <paramref name="replacement"/>, or removes it when that is null.</summary>
    public static Func<DbSession, Stored<MeetingRequest>, Task<Edit<MeetingRequest>>> Replace(Guid id, DelegationRequest? replacement) =>
        (_, stored) => Task.FromResult(Replace(stored.Doc, id, replacement));

    private static Edit<MeetingRequest> Replace(MeetingRequest meeting, Guid id, DelegationRequest? replacement)
    {
        if (meeting.Delegations.All(d => d.Id != id))
            return WriteResult.NotFound();
        var others = meeting.Delegations.Where(d => d.Id != id).ToList();
        if (replacement is null)
            return Edit<MeetingRequest>.To(meeting with { Delegations = others });
        var key = MeetingStore.DelegationKey(replacement);
        if (others.Any(d => MeetingStore.DelegationKey(d) == key))
            return WriteResult.Conflict(Duplicate);
        if (SeatedElsewhere(replacement, others) is { } seated)
            return seated;
        return Edit<MeetingRequest>.To(meeting with { Delegations = [.. others, replacement with { Id = id }] });
    }

    /// <summary>A 400 for the first member who already sits in another delegation of the meeting: a person sits in one.</summary>
    private static WriteResult? SeatedElsewhere(DelegationRequest delegation, IReadOnlyList<DelegationRequest> others) =>
        MeetingStore.RepeatedSeats([.. others, delegation]).Where(s => s.Delegation == others.Count).Select(s => WriteResult.Invalid($"members[{s.Member}].personId",
            "This person already sits in another delegation of this meeting; a person sits in one delegation of a meeting.")).FirstOrDefault();
}
