"""One check from inputs to findings, the same for the command line and the web page.

- discovery.py: what is checked: the paths given, a folder's spreadsheets; each becomes an
  input reference (load/inputref.py: exact path, shown name, kind) once, here or at a web
  upload, and every text names the file by it from then on;
- task.py: what a reader worker does with one input (a unit workbook read and its facts
  built; the master roster read) and the one typed, picklable value it answers;
- workers.py: the reader workers, each file under a memory and time bound;
- run.py: `check`: discovery, the workers, the cross-unit facts, the rules, the findings,
  as a RunResult; `read_one` and `bounded` run, in the same bounded workers, the tasks a later
  stage hands in by reference (the --compare and --waivers reads of followup/, the annotated
  copies of output/annotate.py), so that nothing a user gives is read or rewritten unbounded.

It orchestrates the earlier stages (load, facts, rulebase, engines, findings, result); the
outputs are written by output/plan.py from the RunResult, and never import this package.
"""
