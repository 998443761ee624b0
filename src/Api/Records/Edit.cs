namespace Api.Records;

/// <summary>What an edit of a stored document decided: the new document, or a refusal.</summary>
public readonly record struct Edit<TDoc>(TDoc? Doc, WriteResult? Refusal)
{
    public static implicit operator Edit<TDoc>(WriteResult refusal) => new(default, refusal);

    public static Edit<TDoc> To(TDoc doc) => new(doc, null);
}
