using Api.Changes;

namespace Api.Organizations;

/// <summary>Organisations: governments, ministries, departments, embassies, teams and intergovernmental bodies.</summary>
/// <list><summary>Lists organisations: searched by name in Arabic or English, filtered, sorted, paged, counted.</summary>
/// <remarks>Examples: <c>GET /api/v1/organizations?q=الداخلية&amp;country=LBY</c> (Libya's interior bodies);
/// <c>?kind=embassy&amp;count=exact</c>; <c>?q=GNA</c> (by abbreviation). By default ordered by name (with q: best match
/// first). Page through with the <c>nextCursor</c> of each page; a cursor only works with the sort it was made for.</remarks></list>
/// <get><summary>Gets an organisation with its parent and the organisations that are part of it.</summary></get>
/// <create><remarks>The parent, when given, must exist and must not make a cycle.</remarks></create>
/// <id example="2a36b663-fc25-5f72-8ab2-f37e1a5b656f"/>
[Route("api/v1/organizations")]
public sealed class OrganizationsController(OrganizationRepository organizations, OrganizationStore store, RecordWriter writer, ChangeRepository changes)
    : ListedRecordsController<OrganizationRequest, OrganizationResponse, OrganizationFilters, OrganizationListOptions, OrganizationListItem>(organizations, organizations, store, writer, changes);
