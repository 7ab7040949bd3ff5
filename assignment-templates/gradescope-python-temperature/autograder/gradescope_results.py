"""A pytest plugin that writes Gradescope's results.json (loaded with -p gradescope_results).

Each test function becomes one entry of "tests": name = the first line of its docstring (else
its function name), max_score = @pytest.mark.weight(points) (default 1), score = max_score if it
passed else 0, status "passed"/"failed", output = why it failed (short traceback, capped), and
visibility = @pytest.mark.visibility("visible" | "hidden" | "after_due_date" | "after_published",
default "visible"). A parametrized test gives one entry per parameter set, each with the weight.
"""
import json
import os
import time

import pytest

MAX_OUTPUT = 4000
VISIBILITIES = {"visible", "hidden", "after_due_date", "after_published"}


def pytest_addoption(parser):
    parser.addoption("--results", default="/autograder/results/results.json",
                     help="where to write Gradescope's results.json")


def pytest_configure(config):
    config.addinivalue_line("markers", "weight(points): points the test is worth on Gradescope")
    config.addinivalue_line("markers", "visibility(when): visible, hidden, after_due_date or after_published")
    config._gradescope = GradescopeResults(config.getoption("--results"))
    config.pluginmanager.register(config._gradescope, "gradescope-results")


class GradescopeResults:
    def __init__(self, path):
        self.path = path
        self.started = time.monotonic()
        self.entries = {}  # nodeid -> entry, in the order tests were collected
        self.problems = []

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        for item in items:
            weight = item.get_closest_marker("weight")
            visibility = item.get_closest_marker("visibility")
            doc = (getattr(item.function, "__doc__", None) or "").strip().splitlines()
            name = doc[0].strip() if doc else item.name
            if getattr(item, "callspec", None) is not None:
                name = f"{name} [{item.callspec.id}]"
            when = visibility.args[0] if visibility and visibility.args else "visible"
            self.entries[item.nodeid] = {
                "name": name,
                "score": 0.0,
                "max_score": float(weight.args[0]) if weight and weight.args else 1.0,
                "status": "failed",
                "output": "The test did not run.",
                "visibility": when if when in VISIBILITIES else "hidden",
            }

    def pytest_collectreport(self, report):
        if report.failed:
            self.problems.append(f"Could not collect {report.nodeid}:\n{report.longreprtext}")

    def pytest_runtest_logreport(self, report):
        entry = self.entries.get(report.nodeid)
        if entry is None:
            return
        # setup, call and teardown each report; the test passes only if none failed.
        if report.when == "call" and report.passed:
            entry.update(score=entry["max_score"], status="passed", output="")
        elif report.failed:
            text = report.longreprtext.strip()
            if len(text) > MAX_OUTPUT:
                text = text[:MAX_OUTPUT] + "\n… (cut)"
            entry.update(score=0.0, status="failed", output=text)
        elif report.skipped and report.when != "teardown":
            entry.update(score=0.0, status="failed", output="Skipped.")

    def pytest_sessionfinish(self, session):
        tests = list(self.entries.values())
        passed = sum(1 for t in tests if t["status"] == "passed")
        results = {
            "tests": tests,
            "execution_time": round(time.monotonic() - self.started, 2),
            "output": f"{passed} of {len(tests)} tests passed.",
            "stdout_visibility": "hidden",
        }
        if self.problems:
            results["output"] += "\n\n" + "\n\n".join(self.problems)
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        with open(self.path, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2)
            f.write("\n")
