"""The compiled hot loops (texthygiene/_speedups.pyx), built with the wheel where a C
compiler is at hand; everything else is in pyproject.toml. ``optional``: a machine without
a compiler still installs the package, which then runs the pure-Python twins (_pure.py)."""

from setuptools import Extension, setup

setup(
    ext_modules=[Extension("texthygiene._speedups", ["texthygiene/_speedups.pyx"], optional=True)]
)
