using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GitGrader.Core.Assignments;
using GitGrader.Core.Sandboxing;

namespace GitGrader.Core.Grading.Dependencies;

/// <summary>
/// The per-assignment image that makes a setup's dependency installs work offline, the way Gradescope's
/// <c>setup.sh</c> does: built once, with network, from the assignment's image and the instructor's own manifests
/// (<c>package.json</c>, <c>requirements.txt</c>, <c>pom.xml</c>, … of <c>solution/</c>, else <c>starter/</c>, else the
/// assignment folder; never a student's), running each install the setup makes; rebuilt only when the manifests,
/// the installs or the base image change. At grade time the same setup runs with no network and finds everything:
/// <list type="bullet">
/// <item>npm: the cache, filled at preparation, is all npm reads (<c>offline</c>; npm writes to a cache it reads, so
/// it works on a copy in <c>/tmp</c>): <c>npm ci</c> and <c>npm install</c> install from it, and a package not in it
/// fails with npm's <c>ENOTCACHED</c>;</item>
/// <item>pip and apt: installed into the image, so the same command finds them installed (apt-get as the student
/// succeeds when every package asked for is installed);</item>
/// <item>Maven: <c>dependency:go-offline</c> fills a local repository, and Maven is set offline on it.</item>
/// </list>
/// </summary>
public static class PreparedImage
{
    /// <summary>The instructor's files a preparation may read: the manifests of the package managers.</summary>
    public static readonly IReadOnlyList<string> ManifestNames =
        ["package.json", "package-lock.json", "npm-shrinkwrap.json", "pom.xml", "requirements.txt", "requirements-dev.txt", "requirements-test.txt", "constraints.txt"];

    private const string Root = "/opt/gitgrader/prepare";

    /// <summary>Where Debian keeps a host's own certificate authorities (the one of a TLS-inspecting proxy, say).</summary>
    private const string LocalAuthorities = "/usr/local/share/ca-certificates";

    private const string Dockerfile = """
        FROM {0}
        USER root
        COPY prepare/ /opt/gitgrader/prepare/
        RUN bash /opt/gitgrader/prepare/prepare.sh
        USER 1000:1000
        WORKDIR /work
        """;

    /// <summary>The recipe for <paramref name="assignment"/>'s prepared image, or null when its setup installs nothing.</summary>
    public static Task<ImageRecipe?> RecipeAsync(Assignment assignment, CancellationToken cancellationToken) =>
        RecipeAsync(assignment, LocalAuthorities, cancellationToken);

    /// <summary>As <see cref="RecipeAsync(Assignment, CancellationToken)"/>, trusting the certificate authorities (<c>*.crt</c>) of <paramref name="authorities"/>.</summary>
    internal static async Task<ImageRecipe?> RecipeAsync(Assignment assignment, string authorities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var installs = DependencyScanner.Scan(assignment);
        if (installs.Count == 0)
        {
            return null;
        }

        var dockerfile = string.Format(CultureInfo.InvariantCulture, Dockerfile, assignment.Image);
        var script = Script(installs);
        var context = new StagedTree()
            .AddDirectory("prepare", StagedOwner.Grader)
            .AddDirectory("prepare/files", StagedOwner.Grader)
            .AddFile("prepare/prepare.sh", StagedOwner.Grader, Encoding.UTF8.GetBytes(script))
            .AddFile("Dockerfile", StagedOwner.Grader, Encoding.UTF8.GetBytes(dockerfile));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(dockerfile + "\0" + script + "\0"));
        // A network behind a proxy with its own certificate authority: the host's local authorities are trusted here too.
        if (Directory.Exists(authorities))
        {
            context.AddDirectory("prepare/ca", StagedOwner.Grader);
            foreach (var certificate in Directory.EnumerateFiles(authorities, "*.crt").Order(StringComparer.Ordinal))
            {
                var content = await File.ReadAllBytesAsync(certificate, cancellationToken).ConfigureAwait(false);
                hash.AppendData(content);
                context.AddFile("prepare/ca/" + Path.GetFileName(certificate), StagedOwner.Grader, content);
            }
        }

        var folder = ManifestFolder(assignment);
        foreach (var name in ManifestNames)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path) && !new FileInfo(path).Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                hash.AppendData(Encoding.UTF8.GetBytes(name + "\0"));
                hash.AppendData(content);
                context.AddFile("prepare/files/" + name, StagedOwner.Grader, content);
            }
        }

        return new ImageRecipe(
            RepositoryOf(assignment),
            assignment.Image,
            Convert.ToHexStringLower(hash.GetHashAndReset()),
            dockerfile,
            context,
            $"Fix the install (it runs once as root in {assignment.Image}, with network, on the manifests of {Path.GetFileName(folder)}/), then grade or validate again.");
    }

    /// <summary>The image repository of <paramref name="assignment"/>'s prepared images.</summary>
    public static string RepositoryOf(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return "gitgrader-prepared/" + Gradescope.GradescopeLayout.RepositoryName(assignment.Slug);
    }

    /// <summary>Where the instructor's manifests are read from: <c>solution/</c>, else <c>starter/</c>, else the assignment folder.</summary>
    public static string ManifestFolder(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return Directory.Exists(assignment.SolutionDirectory) ? assignment.SolutionDirectory
            : Directory.Exists(assignment.StarterDirectory) ? assignment.StarterDirectory
            : assignment.Directory;
    }

    /// <summary>
    /// The preparation: each install as written, in order, on the manifests, as root with network; a failing one is
    /// named on a <c>gitgrader:</c> line (the build's summary). Then the managers are set to read only what was kept.
    /// </summary>
    internal static string Script(IReadOnlyList<DependencyInstall> installs)
    {
        ArgumentNullException.ThrowIfNull(installs);
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $$"""
            #!/bin/bash
            # GitGrader: the assignment's dependency installs, once, with network, on the instructor's manifests.
            set -u
            export DEBIAN_FRONTEND=noninteractive PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore PIP_RETRIES=3 PIP_TIMEOUT=60
            export npm_config_cache=/opt/gitgrader/npm-cache npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
            mkdir -p /opt/gitgrader/npm-cache /opt/gitgrader/m2
            if ls {{Root}}/ca/*.crt >/dev/null 2>&1; then
              cp {{Root}}/ca/*.crt /usr/local/share/ca-certificates/ && update-ca-certificates >/dev/null 2>&1
            fi
            export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt PIP_CERT=/etc/ssl/certs/ca-certificates.crt
            cd {{Root}}/files || exit 1
            install() {
              local where=$1; shift
              echo "preparing ($where): $*"
              bash -c "$*" </dev/null
              local status=$?
              if [ "$status" -ne 0 ]; then
                echo "gitgrader: the dependency install '$*' ($where) failed with exit status $status"
                exit "$status"
              fi
            }

            """);
        if (installs.Any(i => i.Manager == DependencyManager.Apt))
        {
            script.Append("echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90gitgrader-yes\n");
            script.Append("install 'the package lists' 'apt-get update -q'\n");
        }

        if (installs.Any(i => i.Manager == DependencyManager.Maven))
        {
            script.Append(MavenSettings(offline: false));
        }

        foreach (var install in installs)
        {
            var command = install.Manager == DependencyManager.Maven ? "mvn -B -q dependency:go-offline" : install.Command;
            script.Append(CultureInfo.InvariantCulture, $"install {Quote(install.Where)} {Quote(command)}\n");
        }

        // Every step's links in the working copy are deleted after it (a planted link is an attack), node_modules/.bin
        // among them: the manifest's packages are also installed globally, so npx, npm test and their scripts find
        // their commands on PATH.
        if (installs.Any(i => i.Manager == DependencyManager.Npm))
        {
            script.Append("""
                if [ -f package.json ] && command -v node >/dev/null; then
                  globals=$(node -e 'const p = require("./package.json"); const all = { ...p.dependencies, ...p.devDependencies }; console.log(Object.entries(all).filter(([, v]) => /^[~^<>=0-9.* xX|-]+$/.test(v)).map(([n, v]) => n + "@" + v.replace(/ /g, "")).join(" "))')
                  if [ -n "$globals" ]; then install 'the commands of package.json' "npm install -g $globals"; fi
                fi

                """);
        }

        // What grading reads: npm only its cache; Maven only its local repository; apt's lists are not kept.
        script.Append("""
            rm -rf /var/lib/apt/lists/* /etc/apt/apt.conf.d/90gitgrader-yes {{ROOT}}/files/node_modules
            printf '%s\n' 'cache=/tmp/.gitgrader-npm-cache' 'offline=true' 'audit=false' 'fund=false' 'update-notifier=false' 'logs-max=0' > /etc/npmrc
            mkdir -p /usr/etc && cp /etc/npmrc /usr/etc/npmrc
            # npm writes to its cache even when it only reads it: it works on a copy in /tmp (a quarter of a second).
            for tool in npm npx; do
              if [ -x /usr/bin/$tool ]; then
                printf '%s\n' '#!/bin/sh' \
                  '[ -d /tmp/.gitgrader-npm-cache ] || cp -a /opt/gitgrader/npm-cache /tmp/.gitgrader-npm-cache 2>/dev/null' \
                  "exec /usr/bin/$tool \"\$@\"" > /usr/local/bin/$tool
                chmod 0755 /usr/local/bin/$tool
              fi
            done

            """.Replace("{{ROOT}}", Root, StringComparison.Ordinal));
        if (installs.Any(i => i.Manager == DependencyManager.Maven))
        {
            script.Append(MavenSettings(offline: true));
        }

        script.Append("chmod -R a+rX /opt/gitgrader\necho \"gitgrader-prepared: $(du -sh /opt/gitgrader/npm-cache /opt/gitgrader/m2 2>/dev/null | tr '\\n' ' ')\"\n");
        return script.ToString();
    }

    private static string MavenSettings(bool offline) => $"""
        mkdir -p /etc/maven && printf '%s\n' '<settings><localRepository>/opt/gitgrader/m2</localRepository><offline>{(offline ? "true" : "false")}</offline></settings>' > /etc/maven/settings.xml

        """;

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
