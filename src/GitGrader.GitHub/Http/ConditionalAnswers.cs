using System.Collections.Concurrent;

namespace GitGrader.GitHub.Http;

/// <summary>
/// The last full answer (its <c>ETag</c>, body and content type) to each <c>GET</c> that <see cref="ConditionalRequestHandler"/>
/// asks conditionally, by full address. One per student repository of a course is the use; past
/// <see cref="MaxEntries"/> it starts over (the next request of each is a full one). Shared by every handler the
/// <see cref="IHttpClientFactory"/> makes, which are recycled.
/// </summary>
internal sealed class ConditionalAnswers
{
    /// <summary>How many answers it keeps at most.</summary>
    public const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, ConditionalAnswer> _answers = new(StringComparer.Ordinal);

    /// <summary>How many answers are kept.</summary>
    public int Count => _answers.Count;

    /// <summary>The answer kept for <paramref name="address"/>, if any.</summary>
    public ConditionalAnswer? Find(string address) => _answers.TryGetValue(address, out var answer) ? answer : null;

    /// <summary>Keeps <paramref name="answer"/> for <paramref name="address"/>.</summary>
    public void Keep(string address, ConditionalAnswer answer)
    {
        if (_answers.Count >= MaxEntries && !_answers.ContainsKey(address))
        {
            _answers.Clear();
        }

        _answers[address] = answer;
    }
}
