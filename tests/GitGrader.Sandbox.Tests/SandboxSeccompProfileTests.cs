using System.Text.Json;
using GitGrader.Sandbox.Docker.Seccomp;

namespace GitGrader.Sandbox.Tests;

/// <summary>The seccomp profile every grading container gets: what it refuses, and how, in the JSON the engine reads.</summary>
public sealed class SandboxSeccompProfileTests
{
    private static readonly JsonElement Profile = JsonDocument.Parse(SandboxSeccompProfile.Json).RootElement;

    [Theory]
    [InlineData("ptrace")]
    [InlineData("process_vm_readv")]
    [InlineData("process_vm_writev")]
    [InlineData("pidfd_getfd")]
    [InlineData("unshare")]
    [InlineData("setns")]
    [InlineData("mount")]
    [InlineData("fsopen")]
    [InlineData("bpf")]
    [InlineData("perf_event_open")]
    [InlineData("userfaultfd")]
    [InlineData("keyctl")]
    [InlineData("kexec_load")]
    [InlineData("init_module")]
    [InlineData("clock_settime")]
    [InlineData("reboot")]
    [InlineData("swapon")]
    [InlineData("iopl")]
    public void Refuses_WithEperm_WhateverTheArguments(string syscall)
    {
        var rule = Assert.Single(Rules(), r => Names(r).Contains(syscall));

        Assert.Equal("SCMP_ACT_ERRNO", rule.GetProperty("action").GetString());
        Assert.Equal(1, rule.GetProperty("errnoRet").GetInt32());
        Assert.False(rule.TryGetProperty("args", out _));
    }

    [Fact]
    public void AllowsEverythingElse_OnEveryEntryPointOfTheArchitecture()
    {
        Assert.Equal("SCMP_ACT_ALLOW", Profile.GetProperty("defaultAction").GetString());
        var x86 = Assert.Single(Profile.GetProperty("archMap").EnumerateArray(), a => a.GetProperty("architecture").GetString() == "SCMP_ARCH_X86_64");
        Assert.Equal(["SCMP_ARCH_X86", "SCMP_ARCH_X32"], x86.GetProperty("subArchitectures").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Clone3_IsEnosys_SoTheCLibraryFallsBackToTheFilteredClone()
    {
        var rule = Assert.Single(Rules(), r => Names(r).Contains("clone3"));

        Assert.Equal(38, rule.GetProperty("errnoRet").GetInt32());
    }

    [Fact]
    public void Clone_IsRefusedForEveryNamespaceFlag_AndOnlyThen()
    {
        var masks = Rules()
            .Where(r => Names(r).SequenceEqual(["clone"]))
            .Select(r => Assert.Single(r.GetProperty("args").EnumerateArray()))
            .Select(a => (Op: a.GetProperty("op").GetString(), Mask: a.GetProperty("value").GetUInt64(), Value: a.GetProperty("valueTwo").GetUInt64()))
            .ToList();

        Assert.All(masks, m => Assert.Equal(("SCMP_CMP_MASKED_EQ", m.Mask), (m.Op, m.Value)));
        Assert.Equal(0x7E020080UL, masks.Aggregate(0UL, (all, m) => all | m.Mask));
    }

    [Fact]
    public void SecurityOption_CarriesTheProfileInline()
    {
        Assert.Equal("seccomp=" + SandboxSeccompProfile.Json, SandboxSeccompProfile.SecurityOption);
        Assert.DoesNotContain('\n', SandboxSeccompProfile.Json);
    }

    private static IEnumerable<JsonElement> Rules() => Profile.GetProperty("syscalls").EnumerateArray();

    private static List<string?> Names(JsonElement rule) => [.. rule.GetProperty("names").EnumerateArray().Select(n => n.GetString())];
}
