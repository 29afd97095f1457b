"""A decree draft's S facts, family by family (decree-format.md §4): the decree itself and
its missing parts (decree.py), its Pokja, owners and targets (decree_pokja.py), its members
(decree_members.py). Built in the main process once the draft is paired
(pipeline/decrees.py)."""
from __future__ import annotations

from checker.facts.decree import DraftCheck, Evidence, decree_fact, sk_fact
from checker.facts.decree_members import member_facts
from checker.facts.decree_pokja import PokjaView, pokja_facts
from checker.facts.sink import FactSink
from checker.texts import both


def decree_facts(ctx, check: DraftCheck) -> dict:
    """The S facts of one draft (kind -> column -> values), for the unit context `ctx` (the
    paired workbook's, naming the draft as its file; or the draft's own). The stage is the
    rules' business (their `from`): a blank number is a fact at every stage."""
    out = FactSink(ctx)
    d = check.decree
    if d is None:
        sk_fact(out, check, {"readable": False}, {"p_detail": check.error or ""}, {})
        return out.columns()
    view = PokjaView(d, check)
    decree_fact(out, check, view)
    for m in d.missing:
        out.add("sk_part", None, None, None, {"part": m.what}, value=m.what,
                params={"p_part": both("sk.part." + m.what), "p_found": m.found or "-"},
                hidden={"_evidence": {"": Evidence(m.location, found=m.found or None)}, "_identity": check.identity})
    pokja_facts(out, check, view)
    member_facts(out, check, view)
    return out.columns()
