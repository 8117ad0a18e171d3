"""`tenderlint serve`: one web page where a commissioner drops a draft and gets the review back.

The web stack (Starlette, uvicorn, python-multipart) is the optional extra `tenderlint[serve]` and is
imported only by `tenderlint serve`, so the linter itself and `tenderlint --help` never load it.
Modules: `service` runs checks in worker processes, `check` lints uploads, judges a tender pack and
shows the findings, `uploads` reads the form, `page` writes the HTML, `guard` holds the safety
middleware, `app` wires the routes.
"""
