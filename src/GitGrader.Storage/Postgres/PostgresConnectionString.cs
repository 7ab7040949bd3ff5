using Npgsql;

namespace GitGrader.Storage.Postgres;

/// <summary>Turns a configured PostgreSQL value (keyword connection string or URL) into a connection string builder.</summary>
internal static class PostgresConnectionString
{
    /// <summary>
    /// Parses <c>Host=…;Database=…</c> as Npgsql does, or a <c>postgres://user:password@host:port/database?sslmode=require</c>
    /// URL (user, password and database percent-decoded; <c>sslmode</c>, <c>application_name</c> and
    /// <c>connect_timeout</c> understood, other query keys passed as Npgsql keywords).
    /// </summary>
    /// <exception cref="GradingStoreException">The value is malformed (the message never contains the password).</exception>
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? FromUrl(text)
            : FromKeywords(text);
    }

    /// <summary>Host, port and database (and user), for messages: never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : $" as user '{builder.Username}'";
        return $"PostgreSQL at {builder.Host}:{builder.Port}, database '{builder.Database}'{user}";
    }

    private static NpgsqlConnectionStringBuilder FromKeywords(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException exception)
        {
            // Npgsql's message names the keyword at fault, not the values.
            throw new GradingStoreException($"The PostgreSQL connection string in Storage:Database is malformed: {exception.Message}", exception);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new GradingStoreException("The PostgreSQL URL in Storage:Database is malformed: expected postgres://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
        };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var setting = Uri.UnescapeDataString(equals < 0 ? string.Empty : pair[(equals + 1)..]);
            try
            {
                switch (key.ToUpperInvariant())
                {
                    case "SSLMODE":
                        builder.SslMode = Enum.Parse<SslMode>(setting.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
                        break;
                    case "APPLICATION_NAME":
                        builder.ApplicationName = setting;
                        break;
                    case "CONNECT_TIMEOUT":
                        builder.Timeout = int.Parse(setting, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    default:
                        builder[key] = setting;
                        break;
                }
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
            {
                throw new GradingStoreException($"The PostgreSQL URL in Storage:Database has an unusable parameter '{key}'.", exception);
            }
        }

        return builder;
    }
}
