namespace GitGrader.IntegrationTests.Support;

/// <summary>
/// One language's way to build and run a one-file program that reads n and prints n², and the
/// misbehaving variants the language tests grade: each source is a whole file.
/// </summary>
public sealed record LanguageProgram
{
    public required string Language { get; init; }

    public required string Image { get; init; }

    public required string FileName { get; init; }

    public required string Setup { get; init; }

    public required string Run { get; init; }

    public required string Correct { get; init; }

    /// <summary>Prints 2n: right for 0, wrong for 3.</summary>
    public required string Wrong { get; init; }

    /// <summary>Does not compile; the error is on <see cref="CompileErrorLine"/>.</summary>
    public required string CompileError { get; init; }

    public required int CompileErrorLine { get; init; }

    public required string InfiniteLoop { get; init; }

    public required string MemoryBomb { get; init; }

    /// <summary>Crashes (segfault, uncaught exception).</summary>
    public required string Crash { get; init; }

    public override string ToString() => Language;

    public static IReadOnlyList<LanguageProgram> All { get; } =
    [
        new()
        {
            Language = "cpp",
            Image = "gitgrader/cpp:latest",
            FileName = "main.cpp",
            Setup = "g++ -std=c++17 -O1 -o /tmp/main main.cpp",
            Run = "/tmp/main",
            Correct = "#include <iostream>\nint main() {\n  long n; std::cin >> n;\n  std::cout << n * n << std::endl;\n}\n",
            Wrong = "#include <iostream>\nint main() {\n  long n; std::cin >> n;\n  std::cout << n * 2 << std::endl;\n}\n",
            CompileError = "#include <iostream>\nint main() {\n  long n; std::cin >> n;\n  std::cout << n * n << std::endl\n}\n",
            CompileErrorLine = 4,
            InfiniteLoop = "int main() {\n  volatile long i = 0;\n  while (true) { i++; }\n}\n",
            MemoryBomb = "#include <cstring>\nint main() {\n  while (true) { char* p = new char[1 << 20]; std::memset(p, 1, 1 << 20); }\n}\n",
            Crash = "#include <iostream>\nint main() {\n  long n; std::cin >> n;\n  volatile int* p = nullptr;\n  *p = 42;\n  std::cout << n << std::endl;\n}\n",
        },
        new()
        {
            Language = "java",
            Image = "gitgrader/java:latest",
            FileName = "Main.java",
            Setup = "javac -d /tmp/classes Main.java",
            Run = "java -cp /tmp/classes Main",
            Correct = "import java.util.Scanner;\npublic class Main {\n  public static void main(String[] args) {\n    long n = new Scanner(System.in).nextLong();\n    System.out.println(n * n);\n  }\n}\n",
            Wrong = "import java.util.Scanner;\npublic class Main {\n  public static void main(String[] args) {\n    long n = new Scanner(System.in).nextLong();\n    System.out.println(n * 2);\n  }\n}\n",
            CompileError = "import java.util.Scanner;\npublic class Main {\n  public static void main(String[] args) {\n    long n = new Scanner(System.in).nextLong()\n    System.out.println(n * n);\n  }\n}\n",
            CompileErrorLine = 4,
            InfiniteLoop = "public class Main {\n  public static void main(String[] args) {\n    long i = 0;\n    while (true) { i++; }\n  }\n}\n",
            MemoryBomb = "import java.util.*;\npublic class Main {\n  public static void main(String[] args) {\n    List<long[]> keep = new ArrayList<>();\n    while (true) { keep.add(new long[1 << 20]); }\n  }\n}\n",
            Crash = "public class Main {\n  public static void main(String[] args) {\n    Object o = null;\n    System.out.println(o.hashCode());\n  }\n}\n",
        },
        new()
        {
            Language = "node",
            Image = "gitgrader/node:latest",
            FileName = "main.js",
            Setup = "node --check main.js",
            Run = "node main.js",
            Correct = "const n = Number(require('fs').readFileSync(0, 'utf8').trim());\nconsole.log(n * n);\n",
            Wrong = "const n = Number(require('fs').readFileSync(0, 'utf8').trim());\nconsole.log(n * 2);\n",
            CompileError = "const n = Number(require('fs').readFileSync(0, 'utf8').trim());\nconsole.log(n * n;\n",
            CompileErrorLine = 2,
            InfiniteLoop = "let i = 0;\nwhile (true) { i++; }\n",
            MemoryBomb = "const keep = [];\nwhile (true) { keep.push(new Array(1e6).fill(1.5)); }\n",
            Crash = "const o = null;\nconsole.log(o.length);\n",
        },
        new()
        {
            Language = "python",
            Image = "gitgrader/python:latest",
            FileName = "main.py",
            Setup = "python3 -m py_compile main.py",
            Run = "python3 main.py",
            Correct = "n = int(input())\nprint(n * n)\n",
            Wrong = "n = int(input())\nprint(n * 2)\n",
            CompileError = "n = int(input())\nprint(n * n\n",
            CompileErrorLine = 2,
            InfiniteLoop = "while True:\n    pass\n",
            MemoryBomb = "keep = []\nwhile True:\n    keep.append(bytearray(1 << 23))\n",
            Crash = "import ctypes\nctypes.string_at(0)\n",
        },
    ];
}
