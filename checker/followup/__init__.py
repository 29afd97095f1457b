"""Follow-up: what a bureau does with findings after the first run.

In: an earlier findings workbook or JSON document, or the input contract. Out: accepted
exceptions (``waivers.py``, ``check --waivers``: the Tanggapan a unit wrote against a finding),
what changed since the earlier run (``compare.py``, ``check --compare``, by fingerprint), and a
blank unit workbook to fill in (``template.py``, ``cek-pokja template``, generated from
``input/contract.py``). ``findings_sheet.py`` reads the Temuan sheet of an earlier findings
workbook back, by column name in either language; ``earlier.py`` reads both files and applies
them to a result, for the command line and the web page alike.
"""
