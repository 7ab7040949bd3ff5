using GitGrader.Storage.Postgres;
using Npgsql;

namespace GitGrader.Storage.Tests;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Parse_Url_ReadsEveryPart()
    {
        var builder = PostgresConnectionString.Parse("postgresql://grader:p%40ss%3Aword@db.example.edu:5433/grade%20book?sslmode=verify-full&application_name=gitgrader&connect_timeout=7");

        Assert.Equal("db.example.edu", builder.Host);
        Assert.Equal(5433, builder.Port);
        Assert.Equal("grade book", builder.Database);
        Assert.Equal("grader", builder.Username);
        Assert.Equal("p@ss:word", builder.Password);
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("gitgrader", builder.ApplicationName);
        Assert.Equal(7, builder.Timeout);
    }

    [Fact]
    public void Parse_UrlWithoutPort_UsesTheDefaultPort()
    {
        var builder = PostgresConnectionString.Parse("postgres://db/gitgrader");

        Assert.Equal(5432, builder.Port);
        Assert.Equal("gitgrader", builder.Database);
        Assert.Null(builder.Password);
    }

    [Fact]
    public void Parse_Keywords_AsNpgsqlReadsThem()
    {
        var builder = PostgresConnectionString.Parse("Host=db;Port=6543;Database=gg;Username=u;Password=secret");

        Assert.Equal("db", builder.Host);
        Assert.Equal(6543, builder.Port);
    }

    [Theory]
    [InlineData("Host=db;Bogus Keyword=1;Password=secret")]
    [InlineData("postgres://u:secret@db/gg?bogus_key=1")]
    [InlineData("postgres://u:secret@db/gg?sslmode=sometimes")]
    public void Parse_Malformed_ThrowsWithoutThePassword(string value)
    {
        var error = Assert.Throws<GradingStoreException>(() => PostgresConnectionString.Parse(value));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NamesHostPortDatabaseAndUser_NeverThePassword()
    {
        var text = PostgresConnectionString.Describe(PostgresConnectionString.Parse("Host=db;Port=6543;Database=gg;Username=u;Password=secret"));

        Assert.Equal("PostgreSQL at db:6543, database 'gg' as user 'u'", text);
    }
}
