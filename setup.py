"""Builds the Python package `lede` with CMake: the library, and the pybind11
module over it (bindings/python). From a clone, on Debian 12:

    python3 -m venv --system-site-packages .venv && . .venv/bin/activate
    python3 -m pip install --no-build-isolation .

Needs what scripts/setup.sh installs (pybind11-dev, python3-dev, the
library's own packages); nothing from a package index. The build runs in
build-pip/, apart from the CLI's build/.
"""
import os
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))
BUILD_BASE = "build-pip"


def project_version():
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        m = re.search(r"project\(lede VERSION ([0-9.]+)", f.read())
    return m.group(1) if m else "0"


class CMakeBuild(build_ext):
    """Configures and builds the lede_python target, then puts the module
    where setuptools packs it."""

    def build_extension(self, ext):
        build_dir = os.path.join(ROOT, BUILD_BASE, "cmake")
        configure = ["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
                     "-DLEDE_BUILD_PYTHON=ON", "-DLEDE_BUILD_TESTS=OFF",
                     "-DLEDE_BUILD_BENCH=OFF",
                     # The interpreter running this build is the one that imports the module.
                     f"-DPython3_EXECUTABLE={sys.executable}"]
        if shutil.which("ccache"):
            configure += ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache",
                          "-DCMAKE_C_COMPILER_LAUNCHER=ccache"]
        subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 1)
        subprocess.run(["cmake", "--build", build_dir, "--target", "lede_python", "-j", jobs],
                       check=True)
        built = os.path.join(build_dir, "python", "lede")
        modules = [n for n in os.listdir(built) if n.startswith("_lede") and n.endswith(".so")]
        if len(modules) != 1:
            raise RuntimeError(f"expected one _lede module in {built}, found {modules}")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(built, modules[0]), target)
        # The build keeps debug information (RelWithDebInfo, as the CLI's);
        # the installed module does not need it.
        if shutil.which("strip"):
            subprocess.run(["strip", "--strip-debug", target], check=False)


# egg_info writes its metadata there too, not into bindings/python.
os.makedirs(os.path.join(ROOT, BUILD_BASE), exist_ok=True)

setup(
    name="lede",
    version=project_version(),
    description="News pages in, structured article records out, fast",
    long_description=open(os.path.join(ROOT, "README.md"), encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    python_requires=">=3.9",
    packages=["lede"],
    package_dir={"": "bindings/python"},
    package_data={"lede": ["py.typed", "_lede.pyi"]},
    ext_modules=[Extension("lede._lede", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    extras_require={"dask": ["dask[bag]", "distributed"]},
    options={"build": {"build_base": BUILD_BASE}, "egg_info": {"egg_base": BUILD_BASE}},
    zip_safe=False,
)
