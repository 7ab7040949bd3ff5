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
/// <item>Maven: each Maven command the setup or a test's command runs is run once on a copy of the instructor's build
/// (the folder above, with <c>hidden/</c> laid over it as grading lays it), with test failures ignored, so the local
/// repository <c>/opt/gitgrader/m2</c> holds everything <c>mvn test</c> really uses (surefire resolves its JUnit
/// provider only when tests run, which <c>dependency:go-offline</c> misses); the copy, its <c>target/</c> and anything
/// the build installed of the instructor's own are deleted in the same step, and Maven is set offline on a copy of
/// the repository in <c>/tmp</c> (Maven locks files even offline), made by its first run in a sandbox.</item>
/// </list>
/// Downloads go to Maven Central and PyPI, or to the mirrors of <see cref="DependencyOptions"/>, which are part of
/// the image's hash.
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
        RecipeAsync(assignment, DependencyOptions.Default, LocalAuthorities, cancellationToken);

    /// <summary>As <see cref="RecipeAsync(Assignment, CancellationToken)"/>, downloading from the mirrors of <paramref name="options"/>.</summary>
    public static Task<ImageRecipe?> RecipeAsync(Assignment assignment, DependencyOptions options, CancellationToken cancellationToken) =>
        RecipeAsync(assignment, options, LocalAuthorities, cancellationToken);

    /// <summary>As <see cref="RecipeAsync(Assignment, CancellationToken)"/>, trusting the certificate authorities (<c>*.crt</c>) of <paramref name="authorities"/>.</summary>
    internal static Task<ImageRecipe?> RecipeAsync(Assignment assignment, string authorities, CancellationToken cancellationToken) =>
        RecipeAsync(assignment, DependencyOptions.Default, authorities, cancellationToken);

    /// <summary>As <see cref="RecipeAsync(Assignment, DependencyOptions, CancellationToken)"/>, trusting the certificate authorities (<c>*.crt</c>) of <paramref name="authorities"/>.</summary>
    internal static async Task<ImageRecipe?> RecipeAsync(Assignment assignment, DependencyOptions options, string authorities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(options);
        var installs = DependencyScanner.Scan(assignment);
        if (installs.Count == 0)
        {
            return null;
        }

        var dockerfile = string.Format(CultureInfo.InvariantCulture, Dockerfile, assignment.Image);
        var script = Script(installs, options);
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

        if (installs.Any(i => i.Manager == DependencyManager.Maven))
        {
            await AddBuildAsync(context, hash, folder, assignment.HiddenDirectory, cancellationToken).ConfigureAwait(false);
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
    /// The instructor's build for Maven to run once: every file of <paramref name="folder"/> (no link followed, no
    /// <c>target/</c> or <c>.git/</c>), then <paramref name="hidden"/>'s at the same paths, as grading lays them.
    /// </summary>
    private static async Task AddBuildAsync(StagedTree context, IncrementalHash hash, string folder, string hidden, CancellationToken cancellationToken)
    {
        context.AddDirectory("prepare/build", StagedOwner.Grader);
        var files = new SortedDictionary<string, (string Source, bool Executable)>(StringComparer.Ordinal);
        var directories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in new[] { folder, hidden }.Where(Directory.Exists))
        {
            var walked = FolderWalker.Walk(new DirectoryInfo(root), w => w.Path is not ("target" or ".git"));
            foreach (var entry in walked.Where(w => !w.IsLink && !w.Path.StartsWith("target/", StringComparison.Ordinal) && !w.Path.StartsWith(".git/", StringComparison.Ordinal)))
            {
                if (entry.Entry is DirectoryInfo)
                {
                    directories.Add(entry.Path);
                }
                else
                {
                    files[entry.Path] = (entry.Entry.FullName, entry.IsExecutable);
                }
            }
        }

        foreach (var directory in directories.Where(d => d is not ("target" or ".git")))
        {
            context.AddDirectory("prepare/build/" + directory, StagedOwner.Grader);
        }

        foreach (var (path, (source, executable)) in files)
        {
            var content = await File.ReadAllBytesAsync(source, cancellationToken).ConfigureAwait(false);
            hash.AppendData(Encoding.UTF8.GetBytes("build/" + path + "\0"));
            hash.AppendData(content);
            context.AddFile("prepare/build/" + path, StagedOwner.Grader, content, executable);
        }
    }

    /// <summary>As <see cref="Script(IReadOnlyList{DependencyInstall}, DependencyOptions)"/> from Maven Central and PyPI.</summary>
    internal static string Script(IReadOnlyList<DependencyInstall> installs) => Script(installs, DependencyOptions.Default);

    /// <summary>
    /// The preparation: each install as written, in order, on the manifests, as root with network; a failing one is
    /// named on a <c>gitgrader:</c> line (the build's summary). Then the managers are set to read only what was kept.
    /// </summary>
    internal static string Script(IReadOnlyList<DependencyInstall> installs, DependencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(installs);
        ArgumentNullException.ThrowIfNull(options);
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

        if (!string.IsNullOrEmpty(options.PipIndexUrl) && installs.Any(i => i.Manager == DependencyManager.Pip))
        {
            var index = new Uri(options.PipIndexUrl);
            script.Append(CultureInfo.InvariantCulture, $"export PIP_INDEX_URL={Quote(options.PipIndexUrl)}\n");
            if (index.Scheme == "http")
            {
                // pip ignores a plain-http index unless its host is trusted; the URL was configured, so it is.
                script.Append(CultureInfo.InvariantCulture, $"export PIP_TRUSTED_HOST={Quote(index.Host)}\n");
            }
        }

        if (installs.Any(i => i.Manager == DependencyManager.Maven))
        {
            script.Append(MavenSettings(offline: false, options.MavenMirror));
            script.Append($"touch {Root}/.before-maven\n");
        }

        foreach (var install in installs)
        {
            var command = install.Manager == DependencyManager.Maven ? MavenRun(install.Command) : install.Command;
            script.Append(CultureInfo.InvariantCulture, $"install {Quote(install.Where)} {Quote(command)}\n");
        }

        if (installs.Any(i => i.Manager == DependencyManager.Maven))
        {
            // Nothing of the instructor's build stays: the copy and its target/ go, and so does whatever the build
            // installed into the repository itself (an artifact with no _remote.repositories was not downloaded).
            // Then every artifact counts as local, so the offline build takes it whichever repository it came from.
            script.Append(CultureInfo.InvariantCulture, $$"""
                rm -rf {{Root}}/build
                find /opt/gitgrader/m2 -name '*.pom' -newer {{Root}}/.before-maven | while read -r pom; do
                  [ -f "$(dirname "$pom")/_remote.repositories" ] || rm -rf "$(dirname "$pom")"
                done
                find /opt/gitgrader/m2 \( -name _remote.repositories -o -name '*.lastUpdated' -o -name 'resolver-status.properties' \) -delete
                rm -f {{Root}}/.before-maven

                """);
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
            // Maven locks and marks files in its local repository even offline, and cannot in a read-only one (it
            // then reports a transfer failure, not the missing artifact): it works on a copy in /tmp, made by its
            // first run in a sandbox (12 MB for JUnit 4 and the plugins of `mvn test`: a tenth of a second). The
            // global settings' <offline> is overruled by the user settings' default, so --offline is passed too.
            script.Append(MavenSettings(offline: true, mirror: null, repository: "/tmp/.gitgrader-m2"));
            script.Append("""
                maven=$(command -v mvn || true)
                if [ -n "$maven" ] && [ "$maven" != /usr/local/bin/mvn ]; then
                  printf '%s\n' '#!/bin/sh' \
                    '[ -d /tmp/.gitgrader-m2 ] || cp -a /opt/gitgrader/m2 /tmp/.gitgrader-m2 2>/dev/null' \
                    "exec $maven --offline \"\$@\"" > /usr/local/bin/mvn
                  chmod 0755 /usr/local/bin/mvn
                fi

                """);
        }

        script.Append("chmod -R a+rX /opt/gitgrader\necho \"gitgrader-prepared: $(du -sh /opt/gitgrader/npm-cache /opt/gitgrader/m2 2>/dev/null | tr '\\n' ' ')\"\n");
        return script.ToString();
    }

    /// <summary>
    /// Maven's global settings, where this Maven reads them (<c>conf/</c> of its home; Debian's links it to
    /// <c>/etc/maven</c>, an image may not): the local repository, offline or not, and the mirror of every repository.
    /// </summary>
    private static string MavenSettings(bool offline, string? mirror, string repository = "/opt/gitgrader/m2")
    {
        var mirrors = string.IsNullOrEmpty(mirror) ? string.Empty
            : $"<mirrors><mirror><id>gitgrader-mirror</id><mirrorOf>*</mirrorOf><url>{mirror}</url></mirror></mirrors>";
        var settings = $"<settings><localRepository>{repository}</localRepository><offline>{(offline ? "true" : "false")}</offline>{mirrors}</settings>";
        return $$"""
            for conf in /etc/maven "$(dirname "$(readlink -f "$(command -v mvn || echo /usr/share/maven/bin/mvn)")")/../conf"; do
              mkdir -p "$conf" && printf '%s\n' {{Quote(settings)}} > "$conf/settings.xml"
            done

            """;
    }

    /// <summary>
    /// A Maven command as written, run on the instructor's build so that everything it uses is resolved: tests that
    /// fail (the starter's, or a test selected with <c>-Dtest</c> that is not there) do not stop it.
    /// </summary>
    private static string MavenRun(string command)
    {
        var goals = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Any(w => !w.StartsWith('-')) ? string.Empty : " test";
        return $"cd {Root}/build && {command}{goals} -Dmaven.test.failure.ignore=true -DfailIfNoTests=false -Dsurefire.failIfNoSpecifiedTests=false";
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
