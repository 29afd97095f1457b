"""What one rule file may cost, in one place (issue 13 §6): `--rules DIR` reads rule files a
bureau may get from elsewhere, so every size that reaches the YAML parser, the engines or a
message is bounded here and refused in validation (exit 3, naming the file) before any
engine sees it.

Measured on the 47 real rules (rules/[A-Z]*.yaml, December 2026) and on durable-rules 2.0.28:

| measure                             | largest real                 | bound   | where it breaks                 |
|-------------------------------------|------------------------------|---------|---------------------------------|
| file size (bytes)                   | 5,609 (X02); 38,978 _coverage| 256 KiB | -                               |
| YAML nodes                          | 370; 1,224 (_coverage)       | 20,000  | an alias bomb: 387 million      |
| YAML nesting                        | 10                           | 32      | -                               |
| one scalar (characters)             | 504                          | 10,000  | copied into every finding       |
| condition terms (leaves of `when`)  | 8 (A01, A02)                 | 64      | durable's create_ruleset hangs  |
|                                     |                              |         | above 512 terms in one `$or`    |
| condition nesting ($and/$or levels) | 3 (A02, A09)                 | 8       | durable refuses 15 (code 113,   |
|                                     |                              |         | which was exit 2)               |
| placeholders in one text            | 6                            | 20      | each copies an input value      |

`$mt` regexes (conditions.py) already had at most 200 characters and repetitions `{n,m}` up to 50;
the pandas engine matches them with Python's backtracking `re` on cell texts of up to 32,767
characters, so they may also not hold what backtracks without bound (no real rule uses `$mt`;
every regex of the engines' and rule base's tests is still accepted): a repeated group holding a repetition
(`(a+)+b`, exponential), a repeated alternation of texts that are not distinct literals none
starting another (`(a|aa)+`), more than MAX_REGEX_CHOICES combinations of alternatives and
bounded repetitions at one position, and more than MAX_REGEX_UNBOUNDED `*`/`+` repetitions
that may backtrack (on one 32,767-character cell, `.*a.*b` takes 1.3 s and `(a|b)+(a|b)+c`
44 s with Python 3.11; the worst accepted ones measured, e.g. `[ab]*(a|a)(a|a)(a|a)(a|a)(a|a)
(a|a)c`, 0.25 s).

Aliases (the only use of an anchor) and merge keys are refused outright (yamlfile.py): a rule
file never needs them, and a 700-byte alias bomb expands to 387 million nodes. Placeholders take no format
spec at all (loading.py refuses `{unit:900000000}` and `{unit!r}`), so no width or precision
reaches str.format. With these bounds, loading the whole real rule base takes about 50 ms,
and every refusal is reported in well under a second of validation (bench/probes.py).
"""
from __future__ import annotations

from checker.texts import t, told

MAX_FILE_BYTES = 256 << 10
MAX_NODES = 20_000
MAX_DEPTH = 32
MAX_SCALAR_CHARS = 10_000
MAX_TERMS = 64
MAX_CONDITION_DEPTH = 8
MAX_PLACEHOLDERS = 20
MAX_REGEX_UNBOUNDED = 1
MAX_REGEX_CHOICES = 64

_PREFIX = "rulefile."


class Problem(str):
    """A validation problem told in the user's language: the str itself is the English text
    (what RuleBaseError's str() and the tests show), `message(lang)` the text in `lang`
    (catalogue entry "rulefile." + key, checker/texts/rulefile_texts.py)."""

    key: str
    params: dict

    def __new__(cls, key: str, /, **params):
        obj = super().__new__(cls, t(_PREFIX + key, "en", **told(params, "en")))
        obj.key, obj.params = key, params
        return obj

    def message(self, lang: str = "id") -> str:
        return t(_PREFIX + self.key, lang, **told(self.params, lang))

    def __getnewargs_ex__(self):          # pickle (a worker's error) rebuilds it from its key
        return (self.key,), self.params


def condition_size(when) -> tuple[int, int]:
    """(terms, nesting) of a condition: its leaves, and its deepest chain of $and/$or.
    Tolerant of any shape (it runs before the condition is validated), and iterative, so that
    no shape can exhaust the stack."""
    terms = depth = 0
    todo = [(when, 0)]
    while todo:
        cond, level = todo.pop()
        if isinstance(cond, dict) and len(cond) == 1:
            (key, value), = cond.items()
            if key in ("$and", "$or") and isinstance(value, list):
                depth = max(depth, level + 1)
                todo.extend((sub, level + 1) for sub in value)
                continue
        terms += 1
    return terms, depth


def check_condition_size(when, fail) -> None:
    """`fail(Problem)` when `when` is larger or deeper than any real rule by far."""
    terms, depth = condition_size(when)
    if terms > MAX_TERMS:
        fail(Problem("terms", n=terms, max=MAX_TERMS))
    if depth > MAX_CONDITION_DEPTH:
        fail(Problem("condition_depth", n=depth, max=MAX_CONDITION_DEPTH))


def check_placeholder_count(names, where: str, fail) -> None:
    """`fail(Problem)` when a text holds more than MAX_PLACEHOLDERS placeholders (`names`)."""
    n = sum(1 for name in names if name is not None)
    if n > MAX_PLACEHOLDERS:
        fail(Problem("placeholders", where=where, n=n, max=MAX_PLACEHOLDERS))
