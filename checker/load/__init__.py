"""Reading: one input file (a unit workbook or the master roster) read safely into typed
tables, or refused with the reason.

In: a path (or its bytes). Out: a ``model.LoadedUnit`` (its tables, each value with the cell
it came from; the problems of a workbook that still loads, missing sheets and columns, which
become D05 findings) or a ``roster.Roster``; a file that cannot be used raises a kind of
``errors.py`` (``LoadError``, ``RosterError``), told in the user's language.

``unit_workbook.py`` is the entry point (``load_workbook``). Before any reader runs,
``reader.py`` refuses what is not a regular file or too large, ``safety.py`` sniffs the
format and streams the archive once (zip bombs, DOCTYPE, used ranges), ``rowcount.py`` bounds
the rows and ``formulas.py`` finds error cells and formulas without a cached value;
``limits.py`` holds every bound. ``sheet_finder.py`` finds which sheet is which kind (by
name, by name without its year or ``Lampiran`` label, by columns). Then python-calamine
reads the sheets (``reader.py``) into a ``grid.py`` grid, and ``regions.py`` reads each sheet
as tables: ``header.py`` the header band (``columns.py``: column names, groups, identifying
columns), ``row_text.py`` what a row's text says (note, closing, total, banner numbering);
data rows become typed tables in ``tables.py``, ``unit_sheet.py`` (row, key/value or form),
``mph_sheet.py`` (with ``mph_targets.py``) and ``pokja_ref.py`` (each member's Pokja, from its
cells, banners or table title); the rows no table could place are ``LoadedUnit.unplaced``.
``roster.py`` and ``csvroster.py`` read the master roster, ``own_outputs.py`` recognises this
tool's own outputs coming back as inputs.
"""
