namespace Api.Data;

/// <summary>
/// When the work of the current request must stop: for now, when its client goes away (HTTP's RequestAborted).
/// Every database session of the request carries it (the validators, which run before, and the writes of a response
/// body take RequestAborted themselves), so a bound on how long a request's queries may take belongs here.
/// </summary>
public sealed class RequestDeadline(IHttpContextAccessor http)
{
    public CancellationToken Token => http.HttpContext?.RequestAborted ?? CancellationToken.None;
}
