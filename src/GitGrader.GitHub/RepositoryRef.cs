namespace GitGrader.GitHub;

/// <summary>A repository by owner and name, as in <c>owner/name</c>.</summary>
public sealed record RepositoryRef(string Owner, string Name)
{
    /// <summary><c>owner/name</c>.</summary>
    public string FullName => $"{Owner}/{Name}";

    /// <summary>Parses <c>owner/name</c>.</summary>
    /// <exception cref="FormatException">The text is not <c>owner/name</c>.</exception>
    public static RepositoryRef Parse(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var parts = fullName.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new FormatException($"'{fullName}' is not a repository in the form owner/name.");
        }

        return new RepositoryRef(parts[0], parts[1]);
    }

    /// <inheritdoc />
    public override string ToString() => FullName;
}
