"""Runs the unittest cases under tests/ and prints Gradescope's results.json.

Each test method may carry points and a visibility in its docstring's first line,
"[2 points, hidden] what it checks"; without them a test is worth 1 point and visible.
"""
import io
import json
import re
import sys
import unittest

HEADER = re.compile(r"^\[(?P<points>[0-9.]+) points?(?:, (?P<visibility>[a-z_]+))?\]\s*(?P<name>.*)$")


class Collector(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries = []

    def _entry(self, test, passed, output=""):
        doc = (test._testMethodDoc or "").strip().splitlines()
        match = HEADER.match(doc[0]) if doc else None
        points = float(match.group("points")) if match else 1.0
        self.entries.append({
            "name": (match.group("name") if match else "") or test.id().split(".")[-1],
            "score": points if passed else 0.0,
            "max_score": points,
            "status": "passed" if passed else "failed",
            "visibility": (match.group("visibility") if match and match.group("visibility") else "visible"),
            "output": output,
        })

    def addSuccess(self, test):
        super().addSuccess(test)
        self._entry(test, True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._entry(test, False, str(err[1]))

    def addError(self, test, err):
        super().addError(test, err)
        self._entry(test, False, "%s: %s" % (err[0].__name__, err[1]))


def main():
    suite = unittest.defaultTestLoader.discover("tests")
    runner = unittest.TextTestRunner(stream=io.StringIO(), resultclass=Collector)
    result = runner.run(suite)
    json.dump({"tests": result.entries, "stdout_visibility": "hidden"}, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
