namespace Api.Auth;

/// <summary>
/// <c>Api key &lt;name&gt; [--scopes read,write]</c>: makes a new API key, prints it once with its hash and
/// the configuration lines that let it in. Nothing is written anywhere; the API keeps only the hash.
/// </summary>
public static class KeyCommand
{
    public const string Usage = """
        Usage: Api key <name> [--scopes read,write]

        Makes a new API key and prints it once, with the hash and the configuration to add.
          <name>     who the key is for; change history records it as "who".
                     1-64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit.
          --scopes   comma-separated: read, write (write implies read). Default: read,write.
        """;

    /// <summary>Runs the command; returns the exit code: 0 done, 2 bad arguments (usage on <paramref name="error"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? name = null;
        var scopesText = $"{ApiScopes.Read},{ApiScopes.Write}";
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                output.WriteLine(Usage);
                return 0;
            }
            if (arg == "--scopes")
            {
                if (i + 1 >= args.Length)
                    return Fail(error, "--scopes needs a value, such as --scopes read");
                scopesText = args[++i];
            }
            else if (arg.StartsWith("--scopes=", StringComparison.Ordinal))
                scopesText = arg["--scopes=".Length..];
            else if (arg.StartsWith('-'))
                return Fail(error, $"unknown option '{arg}'");
            else if (name is null)
                name = arg;
            else
                return Fail(error, $"unexpected argument '{arg}': one key, for one name, at a time");
        }
        if (name is null)
            return Fail(error, "say who the key is for");
        if (!ApiKeyName.IsValid(name))
            return Fail(error, $"the name '{name}' is not allowed; {ApiKeyName.Rule}");
        var scopeSet = ApiScopes.Parse(scopesText, out var scopeError);
        if (scopeSet is null)
            return Fail(error, $"--scopes: {scopeError}");

        var scopes = string.Join(",", ApiScopes.All.Where(scopeSet.Contains));
        var (key, hash) = ApiKeyHash.NewKey();
        output.Write($$"""
            New API key for '{{name}}' (scopes: {{scopes}}):

              Key:   {{key}}
              Hash:  {{hash}}

            This is the only time the key is shown: hand it to {{name}} over a private channel. The API keeps
            only the hash. Add it to the API's configuration and restart the API.

            In appsettings.json (or another JSON configuration file); if "ApiKeys" is there already, add the object to its array:
              "ApiKeys": [
                { "Name": "{{name}}", "Hash": "{{hash}}", "Scopes": "{{scopes}}" }
              ]

            Or as environment variables; if keys are configured already, use the next free index instead of 0:
              ApiKeys__0__Name={{name}}
              ApiKeys__0__Hash={{hash}}
              ApiKeys__0__Scopes={{scopes}}

            Clients send the key in either header:
              Authorization: Bearer <key>
              X-Api-Key: <key>

            """);
        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        error.WriteLine();
        error.WriteLine(Usage);
        return 2;
    }
}
