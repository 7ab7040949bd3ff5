namespace GitGrader.Sandbox.Docker;

/// <summary>
/// The shell scripts GitGrader's own execs run as root inside a sandbox (with only CHOWN, DAC_OVERRIDE and
/// FOWNER, no CAP_KILL): they keep the instructor's files and a copy of the working copy where no student
/// process can reach, and lay out the workspace before a step. Arguments come after the script, never in it.
/// </summary>
internal static class WorkspaceScripts
{
    /// <summary>Exit status: a process of the student user is still alive (kill it, then run again).</summary>
    public const int StudentAlive = 75;

    /// <summary>Exit status: the workspace had no room left.</summary>
    public const int NoRoom = 90;

    /// <summary>The grader's own part of the workspace (root, 0700), relative to the workspace.</summary>
    public const string StoreName = ".grader";

    // Fails with StudentAlive when any process of the student user is still alive: the root exec cannot
    // kill it (no CAP_KILL), and one left running could change what is laid out next.
    private const string NoStudentProcess = """
        for p in /proc/[0-9]*; do
          { while read -r k v rest; do
              if [ "$k" = Uid: ]; then [ "$v" = 1000 ] && exit 75; break; fi
            done < "$p/status"; } 2>/dev/null
        done

        """;

    // Copies the working copy and /tmp (what setup built there) into the store, dropping links and special
    // files (from the source too: later steps never see them), __pycache__ folders and *.pyc files (compiled Python files never run in a later step), and
    // the dot entries at the top of /tmp: that is HOME, whose user site (.local), .node_modules and the
    // like would run inside every later step. Then lays out the scratch places as Prepare does for a
    // phase on the student's files alone (one exec for both: they always come together).
    public const string KeepWorkingCopy = NoStudentProcess + """
        G=/work/.grader
        mkdir -p -m 0700 "$G" && rm -rf "$G/pristine" "$G/tmp" || exit 71
        keep() {
          # Links and special files (FIFOs, sockets) never enter the copy; they go from the source first, since
          # copying a FIFO fails under gVisor ("preserving permissions ... Operation not permitted").
          find "$1" -mindepth 1 \( -type l -o \( ! -type d ! -type f \) \) -delete 2>/dev/null
          if ! err=$(cp -a "$1" "$2" 2>&1); then
            rm -rf "$G/pristine" "$G/tmp"
            case $err in *"No space"*) exit 90 ;; esac
            printf '%s\n' "$err" >&2; exit 71
          fi
          find "$2" -depth -mindepth 1 \( \( -type d -name __pycache__ \) -o -name '*.pyc' -o -type l -o \( ! -type d ! -type f \) \) -exec rm -rf -- {} + || exit 71
        }
        keep /work/submission "$G/pristine"
        keep /tmp "$G/tmp"
        find "$G/tmp" -mindepth 1 -maxdepth 1 -name '.*' -exec rm -rf -- {} + || exit 71
        set -- scratch --

        """ + PrepareBody;

    /// <summary>
    /// <c>$1</c> is <c>scratch</c>, <c>restore</c> or <c>lay</c>; then the instructor files (relative to the
    /// hidden folder, a folder ends in <c>/</c>), <c>--</c>, and the report paths (relative to the working copy).
    /// <c>scratch</c> empties the scratch places (and puts back <c>/tmp</c> as setup left it); <c>restore</c>
    /// does that, restores the working copy from the kept copy and lays the files over it; <c>lay</c> only lays
    /// the files over the working copy as it is (for io steps, where nothing of the instructor's runs on it).
    /// </summary>
    public const string Prepare = NoStudentProcess + PrepareBody;

    private const string PrepareBody = Locations + ScratchPlaces + RestoredWorkingCopy + InstructorLayout;

    private const string Locations = """
        W=/work; S=$W/submission; G=$W/.grader
        mode=$1; shift
        # A failure that is the workspace being full is the submission's (NoRoom); any other is ours.
        fail() {
          case $1 in *"No space"*) exit 90 ;; esac
          printf '%s\n' "$1" >&2; exit 71
        }

        """;

    // /tmp (HOME), /dev/shm, /dev/mqueue and the results folder start empty, /tmp as setup left it when kept.
    private const string ScratchPlaces = """
        if [ "$mode" != lay ]; then
          for d in /tmp /dev/shm /dev/mqueue; do
            [ -d "$d" ] || continue
            find "$d" -mindepth 1 -maxdepth 1 -exec rm -rf -- {} + || exit 71
          done
          if [ -d "$G/tmp" ] && ! err=$(cp -a "$G/tmp/." /tmp/ 2>&1); then fail "$err"; fi
          rm -rf "$W/results" && mkdir -m 0755 "$W/results" && chown 1000:1000 "$W/results" && chmod 1777 /tmp || exit 71
        fi
        if [ "$mode" = scratch ]; then
          # Compiled Python files (setup may have written them) never run in a later step.
          find "$S" -depth -mindepth 1 \( \( -type d -name __pycache__ \) -o -name '*.pyc' \) -exec rm -rf -- {} + || exit 71
          exit 0
        fi

        """;

    // The working copy as the kept copy holds it; then (restored or not) its root and the hidden folder root-owned.
    private const string RestoredWorkingCopy = """
        if [ "$mode" = restore ]; then
          [ -d "$G/pristine" ] || exit 72
          rm -rf "$S" || exit 71
          if ! err=$(cp -a "$G/pristine" "$S" 2>&1); then rm -rf "$S"; fail "$err"; fi
        fi
        [ -d "$S" ] || exit 72
        rm -rf "$W/hidden" && chown 0:0 "$S" && chmod 1777 "$S" || exit 71
        if ! err=$(mkdir -m 0755 "$W/hidden" 2>&1); then fail "$err"; fi

        """;

    private const string InstructorLayout = """
        # Every folder of $2 (relative to $1) becomes a root-owned folder of mode $3; a file or link in its way is removed.
        folders() {
          cur=$1
          IFS=/; set -f
          for c in $2; do
            cur=$cur/$c
            if [ -L "$cur" ] || { [ -e "$cur" ] && [ ! -d "$cur" ]; }; then rm -rf -- "$cur" || exit 71; fi
            if [ ! -d "$cur" ] && ! err=$(mkdir -- "$cur" 2>&1); then fail "$err"; fi
            chown 0:0 -- "$cur" && chmod "$3" -- "$cur" || exit 71
          done
          unset IFS; set +f
        }
        unsafe() { case /$1/ in */../*|*/./*|//*) return 0 ;; esac; return 1; }
        parent() { case $1 in */*) p=${1%/*} ;; *) p= ;; esac; }

        # The folders that hold instructor files, and the names of the instructor's Python modules.
        nl='
        '
        dirs=.; mods=
        for f; do
          [ "$f" = -- ] && break
          unsafe "$f" && exit 73
          case $f in */) d=${f%/} ;; *) parent "$f"; d=${p:-.} ;; esac
          case "$nl$dirs$nl" in *"$nl$d$nl"*) ;; *) dirs=$dirs$nl$d ;; esac
          case $f in
            *.py) b=${f##*/}; b=${b%.py}
                  case "$nl$mods$nl" in *"$nl$b$nl"*) ;; *) mods=${mods:+$mods$nl}$b ;; esac ;;
          esac
        done
        # What the student's copy holds in those folders that Python would import instead of an
        # instructor module (an instructor's own entry of that name is laid again below).
        IFS=$nl; set -f
        for d in $dirs; do
          rm -rf -- "$S/$d/__pycache__" || exit 71
          for b in $mods; do
            set +f; rm -rf -- "$S/$d/$b" "$S/$d/$b.pyc" "$S/$d/$b.so" "$S/$d/$b".*.so || exit 71; set -f
          done
        done
        unset IFS; set +f
        # The instructor's files, hard links to the kept ones (no space used): root-owned, read-only,
        # in root-owned folders the student cannot write.
        for f; do
          [ "$f" = -- ] && break
          case $f in
            */) folders "$W/hidden" "${f%/}" 0755; folders "$S" "${f%/}" 0755; continue ;;
          esac
          parent "$f"
          if [ -n "$p" ]; then folders "$W/hidden" "$p" 0755; folders "$S" "$p" 0755; fi
          rm -rf -- "$S/$f" || exit 71
          if ! err=$( { ln -- "$G/hidden/$f" "$W/hidden/$f" && ln -- "$G/hidden/$f" "$S/$f"; } 2>&1); then fail "$err"; fi
        done
        # Report folders: root-owned with the sticky bit (the step writes there, but can neither remove
        # nor rename what it does not own); nothing at the report path itself.
        seen=
        for r; do
          if [ -z "$seen" ]; then [ "$r" = -- ] && seen=1; continue; fi
          unsafe "$r" && exit 73
          parent "$r"
          [ -n "$p" ] && folders "$S" "$p" 1777
          rm -rf -- "$S/$r" || exit 71
        done
        # In a folder the step may write, empty root-owned folders take the names that would shadow an
        # instructor module: a package of the same name, __pycache__, an extension module (a folder is
        # not a file, so the import goes on to the source).
        tag=
        for x in /usr/lib/python3*/lib-dynload/*.cpython-*.so /usr/local/lib/python3*/lib-dynload/*.cpython-*.so; do
          [ -e "$x" ] || continue
          x=${x##*/}; tag=.${x#*.}; break
        done
        IFS=$nl; set -f
        for d in $dirs; do
          [ -k "$S/$d" ] || continue
          for b in $mods; do
            for n in __pycache__ "$b" "$b.so" "$b.abi3.so" ${tag:+"$b$tag"}; do
              [ -e "$S/$d/$n" ] || [ -L "$S/$d/$n" ] || err=$(mkdir -m 0755 -- "$S/$d/$n" 2>&1) || fail "$err"
            done
          done
        done
        unset IFS; set +f
        exit 0
        """;
}
