"""Builds a PEP 503 simple index with one pure-Python wheel, gitgrader-tinymath 1.0, written by hand (a wheel is a zip)."""
import base64
import hashlib
import pathlib
import sys
import zipfile

root = pathlib.Path(sys.argv[1])
name, version = "gitgrader_tinymath", "1.0"
files = {
    "tinymath/__init__.py": "def double(x):\n    return 2 * x\n",
    f"{name}-{version}.dist-info/METADATA": f"Metadata-Version: 2.1\nName: gitgrader-tinymath\nVersion: {version}\n",
    f"{name}-{version}.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: gitgrader-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    f"{name}-{version}.dist-info/top_level.txt": "tinymath\n",
}


def digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


record = f"{name}-{version}.dist-info/RECORD"
lines = [f"{path},{digest(text.encode())},{len(text.encode())}" for path, text in files.items()] + [f"{record},,"]
files[record] = "\n".join(lines) + "\n"
project = root / "simple" / "gitgrader-tinymath"
project.mkdir(parents=True)
wheel = f"{name}-{version}-py3-none-any.whl"
with zipfile.ZipFile(project / wheel, "w") as archive:
    for path, text in files.items():
        archive.writestr(path, text)
sha = hashlib.sha256((project / wheel).read_bytes()).hexdigest()
(project / "index.html").write_text(f'<!DOCTYPE html><html><body><a href="{wheel}#sha256={sha}">{wheel}</a></body></html>\n')
(root / "simple" / "index.html").write_text('<!DOCTYPE html><html><body><a href="gitgrader-tinymath/">gitgrader-tinymath</a></body></html>\n')
