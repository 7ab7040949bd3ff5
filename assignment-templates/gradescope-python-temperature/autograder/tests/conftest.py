"""Loads the student's temperature.py for the tests, as the `temperature` fixture.

The module is loaded from the submission folder (/autograder/submission, or $SUBMISSION_DIR to
try the tests elsewhere). If it is missing or fails to load (a syntax error, an exception at
import time), every test fails with that reason instead of pytest stopping at collection, so
results.json still lists every test with its points.
"""
import importlib.util
import os
import pathlib

import pytest

SUBMISSION = pathlib.Path(os.environ.get("SUBMISSION_DIR", "/autograder/submission"))


@pytest.fixture(scope="session")
def temperature():
    path = SUBMISSION / "temperature.py"
    if not path.is_file():
        pytest.fail("temperature.py was not found in the submission.", pytrace=False)
    spec = importlib.util.spec_from_file_location("temperature", path)
    module = importlib.util.module_from_spec(spec)
    problem = None
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # noqa: BLE001 - any failure to load is the student's to see
        problem = f"temperature.py could not be loaded: {type(error).__name__}: {error}"
    if problem:
        pytest.fail(problem, pytrace=False)  # outside the except: no chained traceback
    return module
