"""The self-check web page (`cek-pokja serve`, output-format.md "The self-check web page").

The last stage of the flow: it takes uploads, runs the same pipeline as `check` (pipeline/run.py,
the same reader workers and limits) and shows or hands out the same reports. Built on
FastAPI (Starlette) + uvicorn + Jinja2 + python-multipart, the optional extra `[web]`;
docs/web.md says why and how it is laid out. Only `command` is imported by the command
line; it imports the rest (and the framework) when `serve` runs.
"""
