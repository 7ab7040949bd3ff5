"""GitGrader's pytest plugin, loaded with ``-p gitgrader_pytest`` by the ``pytest`` test kind.

Pytest runs as ``python3 -I -B -m pytest`` (isolated: no current directory, user site or
PYTHON* variables on the path, so a student's sitecustomize.py, usercustomize.py or .pth
file is never imported) with GitGrader's own ini file, the hidden tests as rootdir and
confcutdir (a student's conftest.py, pytest.ini or setup.cfg is never read), and
``--import-mode=importlib`` (a student file named like a test module cannot replace it).

This plugin then makes the hidden test folder and the submission importable, *after* the
standard library and site-packages, so a student file named ``random.py``, ``pytest.py`` or
``json.py`` cannot shadow the module the tests or pytest itself import.
"""
import sys


def pytest_addoption(parser):
    group = parser.getgroup("gitgrader")
    group.addoption("--gitgrader-submission", action="store", default=None,
                    help="folder holding the student's files (appended to sys.path)")
    group.addoption("--gitgrader-tests", action="store", default=None,
                    help="folder holding the hidden tests (appended to sys.path before the submission)")


def pytest_configure(config):
    for option in ("gitgrader_tests", "gitgrader_submission"):
        folder = config.getoption(option)
        if folder and folder not in sys.path:
            sys.path.append(folder)
