namespace Api.Data;

/// <summary>
/// When the work of the current request must stop: for now, when its client goes away (HTTP's RequestAborted).
/// Every session of the request carries it, so a bound on how long a request may take belongs here alone.
/// </summary>
public sealed class RequestDeadline(IHttpContextAccessor http)
{
    public CancellationToken Token => http.HttpContext?.RequestAborted ?? CancellationToken.None;
}
