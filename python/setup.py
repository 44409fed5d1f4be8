"""Builds and installs the factx Python package offline:

    python3 -m venv --system-site-packages .venv    # sees Debian's pybind11, setuptools
    .venv/bin/pip install --no-build-isolation ./python

The extension is built by the project's CMake (FACTX_BUILD_PYTHON=ON, the same build as
`cmake -DFACTX_BUILD_PYTHON=ON`), for the interpreter running this script.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

SOURCE_DIR = Path(__file__).resolve().parent.parent


def factx_version():
    header = (SOURCE_DIR / "include" / "factx" / "version.h").read_text()
    return re.search(r'#define FACTX_VERSION_STRING "([0-9.]+)"', header).group(1)


class CMakeBuild(build_ext):
    """Configures the project with only the library and the module, builds the module,
    and copies it where setuptools expects the extension."""

    def build_extension(self, ext):
        build_dir = Path(self.build_temp).resolve() / "cmake"
        jobs = os.environ.get("FACTX_JOBS", str(os.cpu_count() or 2))
        subprocess.check_call(
            [
                "cmake", "-S", str(SOURCE_DIR), "-B", str(build_dir),
                "-DCMAKE_BUILD_TYPE=Release", "-DFACTX_BUILD_PYTHON=ON",
                "-DFACTX_BUILD_TESTS=OFF", "-DFACTX_BUILD_EXAMPLES=OFF",
                "-DFACTX_INSTALL=OFF", f"-DPython_EXECUTABLE={sys.executable}",
            ]
        )
        subprocess.check_call(
            ["cmake", "--build", str(build_dir), "--target", "factx_python",
             "--parallel", jobs]
        )
        [built] = (build_dir / "python" / "factx").glob("_factx*.so")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(
    name="factx",
    version=factx_version(),
    description="Typed facts (money, percentages, dates, investments) from Chinese and "
    "English news",
    packages=["factx"],
    ext_modules=[Extension("factx._factx", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    zip_safe=False,
)
