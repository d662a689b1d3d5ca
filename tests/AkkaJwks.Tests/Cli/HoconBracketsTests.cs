using AkkaJwks.Cli.Input;

namespace AkkaJwks.Tests.Cli;

public class HoconBracketsTests
{
    [Theory]
    [InlineData("a { b = [1, 2], c { d = \"}\" } }")]
    [InlineData("a = \"\"\"{ [ \" } \"\"\"\nb { }")]
    [InlineData("a = ${b}\nb = 1\nc = ${?d}")]
    [InlineData("# }\n// ]\na { url = \"https://x/{y}\" } # {")]
    [InlineData("a = \"quote \\\" } inside\"")]
    public void FindProblem_BalancedText_FindsNone(string hocon)
    {
        var problem = HoconBrackets.FindProblem(hocon);

        Assert.Null(problem);
    }

    [Theory]
    [InlineData("a = 1\n  }", "the '}' at line 2, column 3 closes nothing")]
    [InlineData("a { b = [ }", "the '}' at line 1, column 11 does not close the '[' opened at line 1, column 9")]
    [InlineData("a {\n b = \"\"\"\n}\n\"\"\"\n", "the '{' opened at line 1, column 3 is never closed")]
    [InlineData("a { url = \"https://x/jwks }\nb = 1",
        "the string opened at line 1, column 11 is not closed on its line")]
    public void FindProblem_UnbalancedText_NamesLineAndColumn(string hocon, string expected)
    {
        var problem = HoconBrackets.FindProblem(hocon);

        Assert.Equal(expected, problem);
    }
}
