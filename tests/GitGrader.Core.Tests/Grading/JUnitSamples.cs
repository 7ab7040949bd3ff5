namespace GitGrader.Core.Tests.Grading;

/// <summary>Reports in the shapes the real tools write them.</summary>
internal static class JUnitSamples
{
    /// <summary>pytest 8, <c>--junitxml</c>, default <c>xunit2</c> family: one line, escaped text.</summary>
    public const string Pytest =
        """
        <?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="1" failures="1" skipped="1" tests="4" time="0.081" timestamp="2025-03-04T05:06:07.123456+00:00" hostname="runner"><testcase classname="tests.test_calc" name="test_add" time="0.001" /><testcase classname="tests.test_calc" name="test_divide" time="0.002"><failure message="assert 3 == 2&#10; +  where 3 = divide(6, 2)">def test_divide():
        &gt;       assert divide(6, 2) == 2
        E       assert 3 == 2
        E        +  where 3 = divide(6, 2)

        tests/test_calc.py:9: AssertionError</failure></testcase><testcase classname="tests.test_calc" name="test_later" time="0.000"><skipped type="pytest.skip" message="not implemented yet">/work/hidden/tests/test_calc.py:12: not implemented yet</skipped></testcase><testcase classname="tests.test_calc" name="test_fixture" time="0.000"><error message="failed on setup with &quot;FileNotFoundError: [Errno 2] No such file or directory: 'data.txt'&quot;">@pytest.fixture
        def data():
        &gt;       return open("data.txt").read()
        E       FileNotFoundError: [Errno 2] No such file or directory: 'data.txt'

        tests/test_calc.py:4: FileNotFoundError</error></testcase></testsuite></testsuites>
        """;

    /// <summary>pytest before 5.1 (<c>xunit1</c>): the root is a single <c>&lt;testsuite&gt;</c>.</summary>
    public const string PytestLegacy =
        """
        <?xml version="1.0" encoding="utf-8"?><testsuite errors="0" failures="0" name="pytest" skipped="0" tests="1" time="0.010"><testcase classname="test_hello" file="test_hello.py" line="0" name="test_greets" time="0.001"><system-out>Hello, world!
        </system-out></testcase></testsuite>
        """;

    /// <summary>JUnit Platform console launcher 1.10, legacy XML reporter (<c>TEST-junit-jupiter.xml</c>).</summary>
    public const string JUnit5 =
        """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <testsuite name="JUnit Jupiter" tests="3" skipped="1" failures="1" errors="0" time="0.045" hostname="runner" timestamp="2025-03-04T05:06:07">
        <properties>
        <property name="java.version" value="21.0.2"/>
        <property name="junit.platform.console.launcher.version" value="1.10.2"/>
        </properties>
        <testcase name="addsTwoNumbers()" classname="CalculatorTest" time="0.012"/>
        <testcase name="dividesByZero()" classname="CalculatorTest" time="0.004">
        <failure message="expected: &lt;0&gt; but was: &lt;1&gt;" type="org.opentest4j.AssertionFailedError"><![CDATA[org.opentest4j.AssertionFailedError: expected: <0> but was: <1>
        	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
        	at CalculatorTest.dividesByZero(CalculatorTest.java:15)
        ]]></failure>
        <system-out><![CDATA[unique-id: [engine:junit-jupiter]/[class:CalculatorTest]/[method:dividesByZero()]
        display-name: dividesByZero()
        ]]></system-out>
        </testcase>
        <testcase name="notYet()" classname="CalculatorTest" time="0">
        <skipped><![CDATA[public void CalculatorTest.notYet() is @Disabled]]></skipped>
        <system-out><![CDATA[unique-id: [engine:junit-jupiter]/[class:CalculatorTest]/[method:notYet()]
        ]]></system-out>
        </testcase>
        <system-out><![CDATA[
        unique-id: [engine:junit-jupiter]
        display-name: JUnit Jupiter
        ]]></system-out>
        </testsuite>
        """;

    /// <summary>Google Test 1.14, <c>--gtest_output=xml</c>.</summary>
    public const string GTest =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites tests="4" failures="1" disabled="1" errors="0" time="0.002" timestamp="2025-03-04T05:06:07.000" name="AllTests">
          <testsuite name="MathTest" tests="4" failures="1" disabled="1" skipped="1" errors="0" time="0.001" timestamp="2025-03-04T05:06:07.000">
            <testcase name="Adds" file="/work/submission/test_math.cc" line="5" status="run" result="completed" time="0." timestamp="2025-03-04T05:06:07.000" classname="MathTest" />
            <testcase name="Divides" file="/work/submission/test_math.cc" line="9" status="run" result="completed" time="0.001" timestamp="2025-03-04T05:06:07.000" classname="MathTest">
              <failure message="/work/submission/test_math.cc:11&#x0A;Expected equality of these values:&#x0A;  divide(6, 2)&#x0A;    Which is: 2&#x0A;  3&#x0A;" type=""><![CDATA[/work/submission/test_math.cc:11
        Expected equality of these values:
          divide(6, 2)
            Which is: 2
          3
        ]]></failure>
            </testcase>
            <testcase name="DISABLED_Later" file="/work/submission/test_math.cc" line="14" status="notrun" result="suppressed" time="0." timestamp="2025-03-04T05:06:07.000" classname="MathTest" />
            <testcase name="SkipsOnPurpose" file="/work/submission/test_math.cc" line="18" status="run" result="skipped" time="0." timestamp="2025-03-04T05:06:07.000" classname="MathTest">
              <skipped message="/work/submission/test_math.cc:19&#x0A;not on this platform&#x0A;"><![CDATA[/work/submission/test_math.cc:19
        not on this platform
        ]]></skipped>
            </testcase>
          </testsuite>
        </testsuites>
        """;

    /// <summary>Node 22, <c>node --test --test-reporter=junit</c>: nested suites and top-level cases.</summary>
    public const string Node =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites>
        	<testsuite name="calculator" time="0.003251" disabled="0" errors="0" tests="4" failures="1" skipped="1" hostname="runner">
        		<testcase name="adds" time="0.000512" classname="test"/>
        		<testcase name="divides" time="0.001003" classname="test" failure="Expected values to be strictly equal:&#10;&#10;3 !== 2&#10;">
        			<failure type="testCodeFailure" message="Expected values to be strictly equal:&#10;&#10;3 !== 2&#10;">
        [Error [ERR_TEST_FAILURE]: Expected values to be strictly equal:

        3 !== 2
        ] {
          code: 'ERR_TEST_FAILURE',
          failureType: 'testCodeFailure',
          cause: AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
        }
        			</failure>
        		</testcase>
        		<testcase name="later" time="0.000100" classname="test">
        			<skipped type="todo" message="true"/>
        		</testcase>
        		<testsuite name="edge cases" time="0.000400" disabled="0" errors="0" tests="1" failures="0" skipped="0" hostname="runner">
        			<testcase name="negative numbers" time="0.000150" classname="test"/>
        		</testsuite>
        	</testsuite>
        	<testcase name="top level" time="0.000300" classname="test"/>
        	<!-- tests 5 -->
        	<!-- suites 2 -->
        	<!-- pass 3 -->
        	<!-- fail 1 -->
        	<!-- cancelled 0 -->
        	<!-- skipped 0 -->
        	<!-- todo 1 -->
        	<!-- duration_ms 45.1 -->
        </testsuites>
        """;
}
