"""`python -m checker.web`: the same command as `cek-pokja serve`, for a setup where the
command line's group does not list it (and for the tests, which start the server as people do)."""
from checker.output.console import tolerant_streams
from checker.web.command import serve

if __name__ == "__main__":
    tolerant_streams()
    serve(prog_name="cek-pokja serve")
