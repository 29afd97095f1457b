"""Facts: what the rules test. One loaded unit (``load.model.LoadedUnit``) becomes fact rows,
flat records of one kind each (a Pokja, a member, an MPH entry, a cell whose value is not
valid, ...) whose fields are the conditions' operands; nothing here decides a finding.

In: the loaded units (and the master roster, when given). Out: the run's fact tables, one per
kind, with the location of every row (file, sheet, row, cell) for the findings.

``schema.py`` is the catalogue the rule base is validated against (kinds, fields, types,
definitions). ``unit_build.py`` builds one unit's facts in a reader worker, over
``unitdata.py`` (the unit prepared once) and one module per family (``unit.py``, ``pokja.py``,
``members.py``, ``mph.py``, ``surat_tugas.py``, ``people.py``, ``references.py``,
``cells.py``, ``structure.py``), writing through ``sink.py``; ``owners.py`` recognises the
unit's performance owners (by NIP, or a Pengarah row without NIP by name or position); ``assemble.py`` joins the units
and adds the cross-unit facts (``crossunit.py``); ``context.py`` carries what later stages
need to know about each file.
"""
