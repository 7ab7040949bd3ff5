using GitGrader.GitHub.Http;

namespace GitGrader.GitHub.Tests.Rest;

public sealed class LinkHeaderTests
{
    [Theory]
    [InlineData("<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", <https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"", "https://api.github.com/repositories/1/issues?page=2")]
    [InlineData("<https://api.github.com/x?page=1>; rel=\"prev\", <https://api.github.com/x?page=3>; rel=\"next\"", "https://api.github.com/x?page=3")]
    [InlineData("<https://api.github.com/x?page=1>; rel=\"first\", <https://api.github.com/x?page=1>; rel=\"prev\"", null)]
    [InlineData("<https://h/x?a=1,2&page=4>;rel=next", "https://h/x?a=1,2&page=4")]
    [InlineData("<https://h/x?page=4>; rel=\"next last\"", "https://h/x?page=4")]
    [InlineData("garbage", null)]
    [InlineData("<unterminated; rel=\"next\"", null)]
    [InlineData("", null)]
    public void FindRel_Next_FindsTheTarget(string header, string? expected)
    {
        Assert.Equal(expected, LinkHeader.FindRel(header, "next"));
    }
}
