using Api.Changes;

namespace Api.Agreements;

/// <summary>Agreements: anything agreed, signed, promised, offered or planned, and where.</summary>
/// <list><summary>Lists agreements with their parties and linked meetings: filtered, searched, sorted, paged, counted.</summary>
/// <remarks>Examples: <c>GET /api/v1/agreements?parties=LBY,NER&amp;from=2019-01-01&amp;to=2019-12-31</c> (what Libya and Niger
/// agreed in 2019); <c>?q=باشاغا</c> (search in Arabic or English); <c>?kind=invitation&amp;sort=-date&amp;count=exact</c>.
/// By default ordered by date, undated agreements last. Page through with the <c>nextCursor</c> of each page; a cursor
/// only works with the sort it was made for.</remarks></list>
/// <get><summary>Gets an agreement with its parties, the meetings it is linked to and its sources.</summary></get>
/// <create><remarks>Parties are kept in the order given; every id named (persons, organisations, meetings, sources) must exist.</remarks></create>
/// <id example="12523f50-4a36-5fed-8f9c-e64d79b41ab1"/>
[Route("api/v1/agreements")]
public sealed class AgreementsController(AgreementRepository agreements, AgreementStore store, RecordWriter writer, ChangeRepository changes)
    : ListedRecordsController<AgreementRequest, AgreementResponse, AgreementFilters, AgreementListOptions, AgreementResponse>(agreements, agreements, store, writer, changes);
