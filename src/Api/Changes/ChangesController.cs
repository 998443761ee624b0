using Api.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Api.Changes;

/// <summary>The change feed: every create, update and delete across resources, in commit order, for incremental sync.</summary>
[ApiController]
[Route("api/v1/changes")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class ChangesController(ChangeRepository changes) : ControllerBase
{
    /// <summary>Lists changes after a cursor, in the order they were committed.</summary>
    /// <remarks>Start with no <c>after</c>; then keep passing the <c>cursor</c> of the last page. A page with
    /// <c>hasMore: false</c> means you are up to date: ask again later with the same cursor. Deletions are
    /// listed too (<c>kind: deleted</c>), so a copy can drop what was retired. A record's full before/after
    /// is at <c>/api/v1/{resource}/{id}/history</c>.</remarks>
    [HttpGet]
    [ProducesResponseType<ChangeFeedPage>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<ChangeFeedPage>> List([FromQuery] ChangeFeedQuery query) =>
        Ok(await changes.FeedAsync(query));
}
