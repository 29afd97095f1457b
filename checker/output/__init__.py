"""Outputs: the findings of a run shown and written as output-format.md describes them.

In: a ``result.RunResult`` (the findings, the units' compliance, the run's facts). Out: the
terminal summary (``terminal.py``), the findings workbook (``workbook.py`` with its Ringkasan
sheet, ``summary_sheet.py``, print-ready through ``layout.py``), one workbook per unit
(``per_unit.py``), the JSON document (``jsondoc.py``), annotated copies of the unit
workbooks, and the progress line of a long run (``progress.py``). ``clean.py`` is the one
place where text copied from an input is made safe to leave the program.
"""
