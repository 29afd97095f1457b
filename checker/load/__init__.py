"""Reading: one input file (a unit workbook or the master roster) read safely into typed
tables, or refused with the reason.

In: a path (or its bytes). Out: a ``model.LoadedUnit`` (its tables, each value with the cell
it came from; the problems of a workbook that still loads, missing sheets and columns, which
become D05 findings) or a ``roster.Roster``; a file that cannot be used raises a kind of
``errors.py`` (``LoadError``, ``RosterError``), told in the user's language.

``workbook.py`` is the entry point (``load_workbook``). Before any reader runs, ``reader.py``
refuses what is not a regular file or too large, ``safety.py`` sniffs the format and streams
the archive once (zip bombs, DOCTYPE, used ranges), ``rowcount.py`` bounds the rows and
``formulas.py`` finds error cells and formulas without a cached value; ``limits.py`` holds
every bound. Then python-calamine reads the sheets (``reader.py``) into a ``grid.py`` grid,
``header.py`` finds the header rows and columns, ``sections.py`` the section rows, and
``tables.py``, ``unit_sheet.py``, ``mph.py`` (with ``targets.py``) and ``pokja_ref.py`` build
the typed tables. ``roster.py`` and ``csvroster.py`` read the master roster, ``own_outputs.py``
recognises this tool's own outputs coming back as inputs.
"""
