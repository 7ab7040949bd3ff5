namespace GitGrader.Core.Tests.Grading;

/// <summary>Compiler and runtime output as the real tools print it (no colour: stderr is not a terminal in the sandbox).</summary>
internal static class CompileErrorDetectorSamples
{
    /// <summary>g++ 12, a missing semicolon.</summary>
    public const string GccMissingSemicolon = """
        solution.cpp: In function 'int add(int, int)':
        solution.cpp:5:12: error: expected ';' before '}' token
            5 |   return a+b
              |            ^
              |            ;
            6 | }
              | ~
        """;

    /// <summary>g++ 12, a missing header.</summary>
    public const string GccMissingHeader = """
        solution.cpp:1:10: fatal error: foo.h: No such file or directory
            1 | #include "foo.h"
              |          ^~~~~~~
        compilation terminated.
        """;

    /// <summary>g++ 12 linking a program that calls an undefined function.</summary>
    public const string GccUndefinedReference = """
        /usr/bin/ld: /tmp/ccQ2n3Xa.o: in function `main':
        solution.cpp:(.text+0x1e): undefined reference to `add(int, int)'
        collect2: error: ld returned 1 exit status
        """;

    /// <summary>javac 17, a missing semicolon.</summary>
    public const string JavacMissingSemicolon = """
        Calculator.java:7: error: ';' expected
                return a + b
                            ^
        1 error
        """;

    /// <summary>Node 18 loading a file with a syntax error.</summary>
    public const string NodeSyntaxError = """
        /work/submission/strings.js:3
          return s.split('').reverse().join(''));
                                               ^

        SyntaxError: Unexpected token ')'
            at internalCompileFunction (node:internal/vm:73:18)
            at wrapSafe (node:internal/modules/cjs/loader:1178:20)
            at Module._compile (node:internal/modules/cjs/loader:1220:27)
            at Module._extensions..js (node:internal/modules/cjs/loader:1310:10)
            at Module.load (node:internal/modules/cjs/loader:1119:32)
            at Module._load (node:internal/modules/cjs/loader:960:12)
            at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:86:12)
            at node:internal/main/run_main_module:23:47

        Node.js v18.19.0
        """;

    /// <summary>Python 3.12 running a file with a syntax error.</summary>
    public const string PythonSyntaxError = """
          File "/work/submission/main.py", line 3
            print("hi"
                 ^
        SyntaxError: '(' was never closed
        """;

    /// <summary>Python 3.12 importing a file with an indentation error.</summary>
    public const string PythonIndentationError = """
        Traceback (most recent call last):
          File "/work/hidden/test_main.py", line 1, in <module>
            import main
          File "/work/submission/main.py", line 4
            return x
        IndentationError: unexpected indent
        """;

    /// <summary>A Java program dividing by zero at run time.</summary>
    public const string JavaRuntimeException = "Exception in thread \"main\" java.lang.ArithmeticException: / by zero\n\tat Main.main(Main.java:5)\n";

    /// <summary>A failed GoogleTest assertion.</summary>
    public const string GtestFailure = """
        [==========] Running 1 test from 1 test suite.
        [ RUN      ] Add.Works
        tests.cpp:12: Failure
        Expected equality of these values:
          add(2, 2)
            Which is: 5
          4
        [  FAILED  ] Add.Works (0 ms)
        [==========] 1 test from 1 test suite ran. (0 ms total)
        [  FAILED  ] 1 test, listed below:
        [  FAILED  ] Add.Works
        """;

    /// <summary>A Python program dividing by zero at run time.</summary>
    public const string PythonZeroDivision = """
        Traceback (most recent call last):
          File "/work/submission/calc.py", line 5, in <module>
            print(divide(1, 0))
          File "/work/submission/calc.py", line 2, in divide
            return a / b
                   ~~^~~
        ZeroDivisionError: division by zero
        """;
}
