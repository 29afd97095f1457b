"""The input contract as code (input-format.md): what a unit workbook holds and how its values
are written, with no file read here.

Every later stage asks this package what a sheet, a column or a value is: ``schema.py`` (the
sheets, their columns, canonical labels and accepted synonyms, the stage from which each is
required), ``vocab.py`` (the vocabularies and their synonyms), ``values.py`` (cell text,
folding, codes, years, MPH roles, Excel column letters), ``nip.py`` (NIPs), ``dates.py``
(dates as units write them) and ``names.py`` (when two spellings name the same person).
Pure functions and data: in, a cell's value; out, the parsed value and its status.
"""
