using System.Text;

namespace GitGrader.Classroom;

/// <summary>RFC 4180 rows of a configuration CSV (the roster, extensions), each with the line it starts on; bad quoting names the file and line.</summary>
internal static class CsvText
{
    /// <summary>The rows of <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">A quote inside an unquoted field, or a quoted field never closed.</exception>
    public static List<CsvRow> ParseRows(string text, string source)
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                rows.Add(new CsvRow(rowLine, [.. fields]));
                fields.Clear();
                line++;
                rowLine = line;
            }
            else if (c == '"')
            {
                throw new ConfigurationException($"{source}:{line}: a quote inside an unquoted field; quote the whole field and double the quote.");
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new ConfigurationException($"{source}:{rowLine}: a quoted field is never closed.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add(new CsvRow(rowLine, [.. fields]));
        }

        return rows;
    }
}
