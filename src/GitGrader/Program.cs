using GitGrader.Cli;

return await GitGraderCli.Build().Parse(args).InvokeAsync();
