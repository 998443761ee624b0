using Api.Changes;

namespace Api.Persons;

/// <summary>People, under every spelling the press uses.</summary>
/// <list><summary>Lists persons with their aliases: searched by name in Arabic or English, filtered, sorted, paged, counted.</summary>
/// <remarks>Examples: <c>GET /api/v1/persons?q=أبوعزوم</c> (finds Mohamed Bazoum under the spelling of one report);
/// <c>?q=bazum</c>; <c>?country=NER&amp;count=exact</c> (everyone who sat in a delegation of Niger). By default ordered by
/// name (with q: best match first). Page through with the <c>nextCursor</c> of each page; a cursor only works with the
/// sort it was made for.</remarks></list>
/// <get><summary>Gets a person with their aliases and the meetings they attended.</summary></get>
/// <create><remarks>Give at least one of the English and Arabic names; aliases are the other spellings the press uses.</remarks></create>
/// <id example="92a6f642-cd11-5f44-8d88-2f382b64fc57"/>
[Route("api/v1/persons")]
public sealed class PersonsController(PersonRepository persons, PersonStore store, RecordWriter writer, ChangeRepository changes)
    : ListedRecordsController<PersonRequest, PersonResponse, PersonFilters, PersonListOptions, PersonListItem>(persons, persons, store, writer, changes);
