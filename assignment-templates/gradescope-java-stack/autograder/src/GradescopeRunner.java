import java.io.FileWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.runner.Description;
import org.junit.runner.JUnitCore;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;

/** Runs JUnit 4 test classes and writes Gradescope's results.json: one entry per test method. */
public final class GradescopeRunner extends RunListener {
    private final List<String> entries = new ArrayList<>();
    private Failure failure;

    @Override
    public void testStarted(Description description) {
        failure = null;
    }

    @Override
    public void testFailure(Failure f) {
        failure = f;
    }

    @Override
    public void testFinished(Description description) {
        Points points = description.getAnnotation(Points.class);
        double max = points == null ? 1 : points.value();
        String visibility = points == null ? "visible" : points.visibility();
        boolean passed = failure == null;
        entries.add(String.format(java.util.Locale.ROOT,
            "{\"name\": %s, \"score\": %s, \"max_score\": %s, \"status\": \"%s\", \"visibility\": \"%s\", \"output\": %s}",
            quote(description.getMethodName()), passed ? max : 0, max, passed ? "passed" : "failed", visibility,
            quote(passed ? "" : String.valueOf(failure.getMessage()))));
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        GradescopeRunner listener = new GradescopeRunner();
        JUnitCore core = new JUnitCore();
        core.addListener(listener);
        for (int i = 1; i < args.length; i++) {
            core.run(Class.forName(args[i]));
        }
        try (FileWriter out = new FileWriter(args[0])) {
            out.write("{\"tests\": [" + String.join(", ", listener.entries) + "]}");
        }
    }
}
