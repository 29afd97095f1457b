"""The facts of one unit workbook: every join, count and absence a rule needs, per fact kind
(see factschema.py), so that each rule condition is a test on one fact."""
from __future__ import annotations

import re

from checker.input import schema, vocab
from checker.input import values
from checker.facts.context import SheetInfo, UnitContext, records
from checker.terms import stage_rank
from checker.texts import bi

MEMBER_POSITIONS = ("Ketua", "Wakil Ketua", "Sekretaris", "Anggota")
JPT = ("JPT Pratama", "JPT Madya")
FP = ("Fungsional", "Pelaksana")
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)

def fold_output(text: str) -> str:
    return _PUNCT.sub(" ", values.fold_text(text)).strip()


def _t(x) -> str:
    """Loader text: None/NaN -> ''."""
    if x is None:
        return ""
    if isinstance(x, float) and x != x:
        return ""
    return str(x)


class UnitFacts:
    """Builds the facts of one unit; appends dict rows per kind to the shared buckets."""

    def __init__(self, seq, loaded, stage, buckets):
        self.seq, self.lu, self.stage, self.b = seq, loaded, stage, buckets
        self.tables = loaded.tables
        u = loaded.unit or {}
        self.u = u
        self.code = _t(self._uval("kode_unit", raw=True)) or None
        self.unit_name = _t(self._uval("nama_unit", raw=True)) or None
        self.head_nips = {n for n in (self._uval("nip_jpt_pratama"), self._uval("nip_plt_jpt_pratama")) if n}
        self.madya_nip = self._uval("nip_jpt_madya") or None
        self.pola = self._uval("pola_struktur") or "A"
        year = self._uval("tahun_kinerja")
        self.year = year if isinstance(year, int) else None
        self.instansi = _t(self._uval("instansi", raw=True))
        self.ctx = UnitContext(seq, loaded.path, loaded.sha256, self.code, self.unit_name,
                               _t(self._uval("unit_jpt_madya", raw=True)) or None)
        for kind, table in self.tables.items():
            self.ctx.sheets[kind] = SheetInfo(table.sheet, table.header_row, table.hidden, dict(table.columns))
        if loaded.unit_sheet and "unit" not in self.ctx.sheets:
            self.ctx.sheets["unit"] = SheetInfo(loaded.unit_sheet, None, False, {})
        self.df = {k: t.rows for k, t in self.tables.items()}
        self._records = {}

    # -- helpers ---------------------------------------------------------------------------
    def _uval(self, fld, raw=False):
        entry = self.u.get(fld)
        if not entry:
            return None
        return entry[1] if raw else entry[0]

    def rows(self, kind):
        """The sheet's rows as dicts (computed once; the builders may annotate them)."""
        if kind not in self._records:
            df = self.df.get(kind)
            self._records[kind] = [] if df is None else records(df)
        return self._records[kind]

    def col(self, kind, fld):
        info = self.ctx.sheets.get(kind)
        return info.columns.get(fld) if info else None

    def emit(self, kind, kind_sheet, row, column, fields, *, pokja=None, nip=None, name=None,
             target=None, value="", sheet=None, params=None):
        info = self.ctx.sheets.get(kind_sheet) if kind_sheet else None
        fact = {
            "t": kind, "unit_seq": self.seq, "unit": self.code, "unit_name": self.unit_name,
            "pokja": pokja or None, "nip": nip or None, "name": name or None, "target": target or None,
            "file": self.lu.path, "sheet": sheet if sheet is not None else (info.name if info else None),
            "sheet_kind": kind_sheet, "row": row, "column": column, "value": value,
            "sheet_hidden": bool(info.hidden) if info else False,
        }
        fact.update(fields)
        if params:
            fact.update(params)
        self.b.setdefault(kind, []).append(fact)

    # -- people ----------------------------------------------------------------------------
    def build_people(self):
        peg = self.rows("pegawai")
        self.peg = peg
        self.peg_by_nip, self.peg_by_id, self.peg_by_name = {}, {}, {}
        for i, r in enumerate(peg):
            for idx, key in ((self.peg_by_nip, _t(r.get("nip"))), (self.peg_by_id, values.fold_text(_t(r.get("id_pegawai")))),
                             (self.peg_by_name, values.fold_text(_t(r.get("nama"))))):
                if key and key not in idx:
                    idx[key] = i

    def resolve(self, r):
        """Person key of a row: 'p<i>' for Pegawai row i, else the row's own identifier."""
        nip = _t(r.get("nip"))
        pid = values.fold_text(_t(r.get("id_pegawai")))
        name = values.fold_text(_t(r.get("nama")))
        i = self.peg_by_nip.get(nip) if nip else None
        if i is None and pid:
            j = self.peg_by_id.get(pid)
            if j is not None and not (nip and _t(self.peg[j].get("nip")) and _t(self.peg[j].get("nip")) != nip):
                i = j
        if i is None and name:
            j = self.peg_by_name.get(name)
            if j is not None:
                pn, pi = _t(self.peg[j].get("nip")), values.fold_text(_t(self.peg[j].get("id_pegawai")))
                if not (nip and pn and pn != nip) and not (pid and pi and pi != pid):
                    i = j
        if i is not None:
            return f"p{i}", i
        if nip:
            return "n:" + nip, None
        if pid:
            return "i:" + pid, None
        if name:
            return "m:" + name, None
        return "", None

    def person_cell(self, kind, r=None):
        """The cell identifying the row's person: NIP, else ID Pegawai, else Nama."""
        if r is not None:
            for fld in ("nip", "id_pegawai", "nama"):
                if _t(r.get(fld + "__raw") if (fld + "__raw") in r else r.get(fld)) and self.col(kind, fld):
                    return self.col(kind, fld)
        return self.col(kind, "nip") or self.col(kind, "id_pegawai") or self.col(kind, "nama")

    # -- per sheet -------------------------------------------------------------------------
    def build(self):
        self.build_people()
        pk = self.rows("pk")
        self.pk_codes = {_t(r.get("kode_target")) for r in pk if _t(r.get("kode_target"))}
        self.pk_raw = {_t(r.get("kode_target")): _t(r.get("kode_target__raw")) or _t(r.get("kode_target")) for r in pk}
        self.pk_labels = ", ".join(_t(r.get("kode_target__raw")) or _t(r.get("kode_target")) for r in pk
                                   if _t(r.get("kode_target")))
        pokja = self.rows("pokja")
        self.pokja_rows = pokja
        self.pokja_codes = {_t(r.get("kode_pokja")) for r in pokja if _t(r.get("kode_pokja"))}
        self.pokja_targets = {}
        for r in pokja:
            code = _t(r.get("kode_pokja"))
            if code and code not in self.pokja_targets:
                self.pokja_targets[code] = list(r.get("kode_target") or [])
        anggota = self.rows("anggota")
        self.members = self.build_member_base(anggota)
        self.st = [(self.resolve(r)[0], c) for r in self.rows("surat_tugas") for c in _codes(r.get("kode_target"))]
        mph = self.rows("mph")
        for r in mph:
            r["_pkey"] = self.resolve(r)[0]
        self.mph = mph
        self.member_keys = {m["_pkey"] for m in self.members if m["_pkey"]}
        self.unit_fact(pk, pokja)
        self.target_facts(pk, pokja)
        self.employee_facts()
        self.pokja_facts(pokja)
        self.member_facts()
        self.mph_facts()
        self.reference_facts(pokja)
        self.cell_facts()
        self.formula_facts()
        self.structure_facts()
        return self.ctx

    def build_member_base(self, anggota):
        own = values.fold_code(self.code or "")
        out = []
        for r in anggota:
            key, pi = self.resolve(r)
            pos = r.get("kedudukan") or ""
            asal = _t(r.get("kode_unit_asal"))
            inst_raw = _t(r.get("instansi_asal__raw") if "instansi_asal__raw" in r else r.get("instansi_asal"))
            other_inst = bool(inst_raw) and not vocab.is_own_instansi(inst_raw, self.instansi)
            other_unit = bool(asal) and values.fold_code(asal) != own
            outsider = other_inst or other_unit
            if pi is not None:
                jenis = self.peg[pi].get("jenis_jabatan")
            else:
                jenis = r.get("jenis_jabatan")
            out.append({
                **r, "_pkey": key, "_pi": pi, "position": pos, "is_member": pos in MEMBER_POSITIONS,
                "outsider": outsider, "other_instansi": other_inst, "jenis": jenis or "",
                "jenis_known": bool(jenis) and (pi is not None or outsider),
                "_pokja": _t(r.get("kode_pokja")),
            })
        return out

    def unit_fact(self, pk, pokja):
        kinds = [r.get("jenis_pokja") for r in pokja]
        support = [_t(r.get("kode_pokja__raw") or r.get("kode_pokja")) for r in pokja
                   if r.get("jenis_pokja") == "Dukungan Teknis dan Administrasi"]
        substance = [_t(r.get("kode_pokja__raw") or r.get("kode_pokja")) for r in pokja if r.get("jenis_pokja") == "Substansi"]
        n_pk = sum(1 for r in pk if _t(r.get("kode_target")) or _t(r.get("indikator_kinerja")))
        entry = self.u.get("kode_unit")
        self.emit("unit", "unit", entry[3] if entry else None, entry[4] if entry else None, {
            "n_pokja": len(pokja), "n_pokja_substance": kinds.count("Substansi"),
            "n_pokja_support": kinds.count("Dukungan Teknis dan Administrasi"), "n_pk_target": n_pk,
        }, params={"p_support_codes": ", ".join(support) or "-", "p_substance_codes": ", ".join(substance) or "-",
                   "p_pokja_codes": ", ".join(_t(r.get("kode_pokja__raw")) for r in pokja) or "-"})

    def target_facts(self, pk, pokja):
        has_pokja = len(pokja) > 0
        for r in pk:
            code = _t(r.get("kode_target"))
            if not code:
                continue
            serving = sum(1 for p in pokja if code in (p.get("kode_target") or []))
            n_st = sum(1 for _, c in self.st if c == code)
            raw = _t(r.get("kode_target__raw")) or code
            self.emit("target", "pk", r["_row"], self.col("pk", "kode_target"), {
                "n_pokja_serving": serving, "n_surat_tugas": n_st, "unit_has_pokja": has_pokja,
            }, target=raw, value=code, params={"p_indicator": _t(r.get("indikator_kinerja__raw") or r.get("indikator_kinerja"))})

    def employee_facts(self):
        entries = {}
        for r in self.mph:
            if r.get("peran_hasil") and r["_pkey"]:
                entries[r["_pkey"]] = entries.get(r["_pkey"], 0) + 1
        seen = {}
        for i, r in enumerate(self.peg):
            nip = _t(r.get("nip"))
            repeat = 0
            if nip:
                repeat = len(seen.setdefault(nip, []))
                seen[nip].append(r["_row"])
            jenis = r.get("jenis_jabatan") or ""
            self.emit("employee", "pegawai", r["_row"], self.person_cell("pegawai", r), {
                "is_jpt": jenis in JPT, "jenis": jenis, "n_mph_entry": entries.get(self.resolve(r)[0], 0),
                "nip_repeat": repeat,
            }, nip=_t(r.get("nip__raw")) or nip, name=_t(r.get("nama__raw") or r.get("nama")), value=nip,
                params={"p_first_row": seen[nip][0] if nip else "", "p_jabatan": _t(r.get("nama_jabatan__raw"))})

    def _date(self, r, fld):
        return r.get(fld), (r.get(fld + "__st") or "empty")

    def pokja_facts(self, pokja):
        by_pokja = {}
        for m in self.members:
            by_pokja.setdefault(m["_pokja"], []).append(m)
        for r in pokja:
            code = _t(r.get("kode_pokja"))
            ms = by_pokja.get(code, []) if code else []
            chairs = {m["_pkey"]: m for m in ms if m["position"] == "Ketua"}
            persons = {m["_pkey"]: m for m in ms if m["is_member"]}
            targets = list(r.get("kode_target") or [])
            sk, sk_st = self._date(r, "tanggal_sk")
            kons, kons_st = self._date(r, "tanggal_konsultasi_ortala")
            start, start_st = self._date(r, "tanggal_mulai")
            end, end_st = self._date(r, "tanggal_selesai")
            lap, lap_st = self._date(r, "tanggal_laporan")
            acc, acc_st = self._date(r, "tanggal_diterima_jpt_madya")
            empty_fields = [label for fld, label in (("nomor_sk", "Nomor SK"), ("tanggal_sk", "Tanggal SK"))
                            if fld in (self.ctx.sheets["pokja"].columns) and self._empty(r, fld)]
            own_fp = any(not m["outsider"] and m["is_member"] and m["jenis_known"] and m["jenis"] in FP for m in ms)
            chair_out = any(m["outsider"] for m in chairs.values())
            signer = _t(r.get("nip_penetap_sk"))
            fields = {
                "sk_number_empty": self._empty(r, "nomor_sk"), "sk_date_empty": self._empty(r, "tanggal_sk"),
                "signer_empty": not signer, "signer_is_head": bool(signer) and signer in self.head_nips,
                "task_empty": self._empty(r, "tugas_pokja"),
                "consultation_empty": self._empty(r, "tanggal_konsultasi_ortala"),
                "consultation_after_sk": kons_st == "ok" and sk_st == "ok" and kons > sk,
                "start_outside_year": start_st == "ok" and self.year is not None and start.year != self.year,
                "end_outside_year": end_st == "ok" and self.year is not None and end.year != self.year,
                "end_before_start": start_st == "ok" and end_st == "ok" and end < start,
                "n_chair": len(chairs), "n_member_person": len(persons),
                "n_target": len(targets), "n_target_in_pk": sum(1 for c in targets if c in self.pk_codes),
                "chair_outsider_with_own_member": chair_out and own_fp,
                "workplan_approval_empty": self._empty(r, "tanggal_persetujuan_rencana_kerja"),
                "report_empty": self._empty(r, "tanggal_laporan"),
                "accepted_empty": self._empty(r, "tanggal_diterima_jpt_madya"),
                "accepted_before_report": lap_st == "ok" and acc_st == "ok" and acc < lap,
            }
            raw = lambda f: _t(r.get(f + "__raw"))  # noqa: E731
            only = next(iter(persons.values()), None)
            chair = next(iter(chairs.values()), None)
            self.emit("pokja", "pokja", r["_row"], self.col("pokja", "kode_pokja"), fields,
                      pokja=_t(r.get("kode_pokja__raw")) or code, value=code, params={
                          "p_pokja_name": raw("nama_pokja"), "p_empty_fields": ", ".join(empty_fields),
                          "p_sk_field": "tanggal_sk" if fields["sk_date_empty"] and not fields["sk_number_empty"] else "nomor_sk",
                          "p_signer": raw("nip_penetap_sk") or "-", "p_head_nip": _t(self._uval("nip_jpt_pratama", raw=True)) or "-",
                          "p_sk_date": raw("tanggal_sk") or "-", "p_consultation_date": raw("tanggal_konsultasi_ortala") or "-",
                          "p_start": raw("tanggal_mulai") or "-", "p_end": raw("tanggal_selesai") or "-",
                          "p_year": self.year if self.year is not None else "-",
                          "p_chairs": "; ".join(_t(m.get("nama__raw") or m.get("nama")) or _t(m.get("nip")) for m in chairs.values()) or "-",
                          "p_members": "; ".join(_t(m.get("nama__raw") or m.get("nama")) or _t(m.get("nip")) for m in persons.values()) or "-",
                          "p_chair_name": (_t(chair.get("nama__raw") or chair.get("nama")) if chair else "-"),
                          "p_report_date": raw("tanggal_laporan") or "-", "p_accepted_date": raw("tanggal_diterima_jpt_madya") or "-",
                          "p_only_member": (_t(only.get("nama__raw") or only.get("nama")) if only else "-"),
                      })
            for role, label, nips, owner_name, owner_nip in (
                    ("jpt_pratama", "JPT Pratama", self.head_nips, "nama_jpt_pratama", "nip_jpt_pratama"),
                    ("jpt_madya", "JPT Madya", {self.madya_nip} if self.madya_nip else set(), "nama_jpt_madya", "nip_jpt_madya")):
                if not nips:
                    continue
                listed = any(m["position"] == "Pengarah" and _t(m.get("nip")) in nips for m in ms)
                self.emit("owner_slot", "pokja", r["_row"], self.col("pokja", "kode_pokja"),
                          {"role": role, "listed": listed}, pokja=_t(r.get("kode_pokja__raw")) or code,
                          nip=_t(self._uval(owner_nip, raw=True)), name=_t(self._uval(owner_name, raw=True)),
                          value=role, params={"p_role": label, "p_owner_name": _t(self._uval(owner_name, raw=True)) or "-",
                                              "p_owner_nip": _t(self._uval(owner_nip, raw=True)) or "-"})

    @staticmethod
    def _empty(r, fld):
        st = r.get(fld + "__st")
        if st is not None:
            return st == "empty"
        return not _t(r.get(fld + "__raw") if (fld + "__raw") in r else r.get(fld))

    def member_facts(self):
        owners = set(self.head_nips) | ({self.madya_nip} if self.madya_nip else set())
        # Output overlaps: distinct persons per folded output among members of all the unit's Pokja.
        by_output = {}
        for m in self.members:
            out = fold_output(_t(m.get("output__raw") or m.get("output")))
            m["_out"] = out
            if m["is_member"] and out:
                by_output.setdefault(out, {}).setdefault(m["_pkey"], m)
        rows_by_person = {}
        for m in self.members:
            rows_by_person.setdefault((m["_pokja"], m["_pkey"]), []).append(m)
        mph_by_person = {}
        for r in self.mph:
            if r.get("peran_hasil") and r["_pkey"]:
                mph_by_person.setdefault(r["_pkey"], set()).add(_t(r.get("kode_target")))
        for m in self.members:
            targets = [c for c in self.pokja_targets.get(m["_pokja"], []) if c in self.pk_codes]
            others = {k: o for k, o in by_output.get(m["_out"], {}).items() if k != m["_pkey"]} if m["is_member"] and m["_out"] else {}
            group = rows_by_person.get((m["_pokja"], m["_pkey"]), [m]) if m["_pkey"] else [m]
            positions = sorted(g["position"] for g in group)
            duplicate = (len(group) >= 2 and group[1] is m and positions != ["Anggota", "Ketua"])
            nip = _t(m.get("nip"))
            fields = {
                "position": m["position"], "is_member": m["is_member"], "jenis": m["jenis"],
                "jenis_known": m["jenis_known"], "jenis_given": bool(_t(m.get("jenis_jabatan__raw"))),
                "on_pegawai": m["_pi"] is not None, "outsider": m["outsider"], "other_instansi": m["other_instansi"],
                "other_unit_same_instansi": m["outsider"] and not m["other_instansi"], "pola": self.pola,
                "task_empty": self._empty(m, "uraian_tugas"), "output_empty": self._empty(m, "output"),
                "output_shared": len(others), "approval_empty": self._empty(m, "nomor_persetujuan_pimpinan"),
                "voluntary": m.get("cara_penugasan") == "Pengajuan Sukarela",
                "pokja_n_target_in_pk": len(targets),
                "n_mph_for_pokja_targets": len(mph_by_person.get(m["_pkey"], set()) & set(targets)),
                "is_owner": bool(nip) and nip in owners, "duplicate": duplicate,
                "recommendation_empty": self._empty(m, "tanggal_rekomendasi_penilaian"),
            }
            self.emit("member", "anggota", m["_row"], self.person_cell("anggota", m), fields,
                      pokja=_t(m.get("kode_pokja__raw")) or m["_pokja"], nip=_t(m.get("nip__raw")) or nip,
                      name=_t(m.get("nama__raw") or m.get("nama")), value=m["_out"], params={
                          "p_position": _t(m.get("kedudukan__raw")) or "-", "p_jenis": m["jenis"] or _t(m.get("jenis_jabatan__raw")) or "-",
                          "p_output": _t(m.get("output__raw")) or "-",
                          "p_others": "; ".join(f"{_t(o.get('nama__raw') or o.get('nama')) or _t(o.get('nip'))} "
                                        f"({_t(o.get('kode_pokja__raw')) or o['_pokja']})" for o in others.values()) or "-",
                          "p_unit_asal": _t(m.get("kode_unit_asal__raw")) or "-", "p_instansi_asal": _t(m.get("instansi_asal__raw")) or "-",
                          "p_pokja_targets": ", ".join(self.pk_raw.get(c, c) for c in targets) or "-",
                          "p_rows": ", ".join(str(g["_row"]) for g in group),
                          "p_head_nip": _t(self._uval("nip_jpt_pratama", raw=True)) or "-",
                          "p_madya_nip": _t(self._uval("nip_jpt_madya", raw=True)) or "-",
                      })

    def mph_facts(self):
        known = {f"p{i}" for i in range(len(self.peg))} | self.member_keys
        served = set()
        for m in self.members:
            for c in self.pokja_targets.get(m["_pokja"], []):
                served.add((m["_pkey"], c))
        st = set(self.st)
        layout = self.lu.mph_layout or "long"
        has_pokja = len(self.pokja_rows) > 0
        seen_lines = set()
        peran_col = self.col("mph", "peran_hasil")
        for r in self.mph:
            key = r["_pkey"]
            nip, name = _t(r.get("nip__raw")) or _t(r.get("nip")), _t(r.get("nama__raw") or r.get("nama"))
            line = r.get("_line", r["_row"])
            if line not in seen_lines:
                seen_lines.add(line)
                self.emit("mph_row", "mph", r["_row"], self.person_cell("mph", r), {
                    "layout": layout, "has_person": bool(key),
                    "has_target": layout == "matrix" or bool(_t(r.get("kode_target"))),
                    "role_empty": layout == "long" and not r.get("peran_hasil"),
                    "person_known": key in known,
                }, nip=nip, name=name, value=key,
                    target=None if layout == "matrix" else (_t(r.get("kode_target__raw")) or _t(r.get("kode_target"))))
            code = _t(r.get("kode_target"))
            if r.get("peran_hasil") and code and key:
                self.emit("mph_entry", "mph", r["_row"], r.get("_col") or peran_col, {
                    "target_in_pk": code in self.pk_codes, "person_known": key in known,
                    "served_by_own_pokja": (key, code) in served, "has_surat_tugas": (key, code) in st,
                    "unit_has_pokja": has_pokja,
                }, nip=nip, name=name, target=_t(r.get("kode_target__raw")) or code, value=code,
                    params={"p_role_text": _t(r.get("peran_hasil__raw") or r.get("peran_hasil"))})

    def _ref(self, source, refers_to, sheet_kind, row, column, code, raw, known_codes, **who):
        labels = self.pk_labels if refers_to == "target" else ", ".join(
            _t(r.get("kode_pokja__raw")) or _t(r.get("kode_pokja")) for r in self.pokja_rows)
        self.emit("reference", sheet_kind, row, column, {
            "source": source, "refers_to": refers_to, "empty": not code, "known": bool(code) and code in known_codes,
        }, value=f"{source}:{code}", params={"p_code": raw or code or "-", "p_known_codes": labels or "-"}, **who)

    def reference_facts(self, pokja):
        for r in pokja:
            codes = list(r.get("kode_target") or [])
            raws = [s.strip() for s in values.split_list(_t(r.get("kode_target__raw")))] if codes else []
            pk_code = _t(r.get("kode_pokja__raw")) or _t(r.get("kode_pokja"))
            col = self.col("pokja", "kode_target")
            if col is None:
                continue
            if not codes:
                self._ref("pokja", "target", "pokja", r["_row"], col, "", "", self.pk_codes, pokja=pk_code)
            for i, c in enumerate(codes):
                self._ref("pokja", "target", "pokja", r["_row"], col, c, raws[i] if i < len(raws) else c,
                          self.pk_codes, pokja=pk_code, target=raws[i] if i < len(raws) else c)
        for m in self.members:
            if m["_pokja"]:
                self._ref("member", "pokja", "anggota", m["_row"], self.col("anggota", "kode_pokja"), m["_pokja"],
                          _t(m.get("kode_pokja__raw")), self.pokja_codes, pokja=_t(m.get("kode_pokja__raw")),
                          nip=_t(m.get("nip__raw")) or _t(m.get("nip")), name=_t(m.get("nama__raw") or m.get("nama")))
        if self.lu.mph_layout == "matrix":
            for c in self.lu.mph_columns:
                self._ref("mph_column", "target", "mph", c.row, c.column, c.code, c.header.split()[0] if c.header else c.code,
                          self.pk_codes, target=c.header.split()[0] if c.header else c.code)
        else:
            for r in self.mph:
                code = _t(r.get("kode_target"))
                who = {"nip": _t(r.get("nip__raw")) or _t(r.get("nip")), "name": _t(r.get("nama__raw") or r.get("nama"))}
                if code:
                    self._ref("mph_row", "target", "mph", r["_row"], self.col("mph", "kode_target"), code,
                              _t(r.get("kode_target__raw")), self.pk_codes, target=_t(r.get("kode_target__raw")) or code, **who)
                pc = _t(r.get("kode_pokja"))
                if pc:
                    self._ref("mph_row", "pokja", "mph", r["_row"], self.col("mph", "kode_pokja"), pc,
                              _t(r.get("kode_pokja__raw")), self.pokja_codes, pokja=_t(r.get("kode_pokja__raw")) or pc, **who)
        for r in self.rows("surat_tugas"):
            codes = _codes(r.get("kode_target"))
            raws = values.split_list(_t(r.get("kode_target__raw")))
            for i, code in enumerate(codes):
                raw = raws[i].strip() if i < len(raws) and len(raws) == len(codes) else code
                self._ref("surat_tugas", "target", "surat_tugas", r["_row"], self.col("surat_tugas", "kode_target"), code,
                          raw, self.pk_codes, target=raw, nip=_t(r.get("nip__raw")) or _t(r.get("nip")),
                          name=_t(r.get("nama__raw") or r.get("nama")))

    def cell_facts(self):
        for spec in schema.SHEETS:
            if spec.kind == "unit":
                for col in spec.columns:
                    check = _check_of(col.kind)
                    entry = self.u.get(col.field)
                    if not check or not entry or not _t(entry[1]):
                        continue
                    self._cell(check, col, entry[2], entry[1], "unit", entry[3], entry[4])
                continue
            table = self.tables.get(spec.kind)
            if table is None:
                continue
            seen = set()
            for col in spec.columns:
                check = _check_of(col.kind)
                if not check or col.field not in table.columns:
                    continue
                letter = table.columns[col.field]
                raw_col, st_col = col.field + "__raw", col.field + "__st"
                for r in self.rows(spec.kind):
                    raw, st, row = r.get(raw_col), r.get(st_col), r["_row"]
                    if st_col not in r or not _t(raw) or (row, letter) in seen or st == "formula_error":
                        continue                      # formula cells are reported once, below
                    seen.add((row, letter))
                    self._cell(check, col, st, raw, spec.kind, row, letter, nip=_t(r.get("nip__raw")),
                               name=_t(r.get("nama__raw")), pokja=_t(r.get("kode_pokja__raw")))

    def formula_facts(self):
        """Formula cells whose value cannot be used: an error (#N/A, ...) or no cached value."""
        for kind, table in self.tables.items():
            issues = getattr(table, "formula_issues", None) or {}
            if not issues:
                continue
            labels = {letter: _label_of(kind, fld) for fld, letter in table.columns.items()}
            by_row = {r["_row"]: r for r in self.rows(kind)}
            for (row, letter), issue in sorted(issues.items()):
                r = by_row.get(row, {})
                status, _, shown = issue.partition(":")
                fld = _field_at(table, letter)
                raw = shown or (_t(r.get(fld + "__raw")) if fld else "")
                self.emit("cell", kind, row, letter, {"check": "formula", "status": status},
                          nip=_t(r.get("nip__raw")), name=_t(r.get("nama__raw") or r.get("nama")),
                          pokja=_t(r.get("kode_pokja__raw")), value=f"formula:{letter}:{issue}", params={
                              "p_raw": raw or "=", "p_column_label": labels.get(letter) or letter, "p_allowed": "",
                              "p_reason": _FORMULA_REASON.get(status, _FORMULA_REASON["error"])})

    def _cell(self, check, col, status, raw, sheet_kind, row, letter, nip="", name="", pokja=""):
        status = {"ok": "valid"}.get(status or "", status or "invalid")
        if status == "valid":
            return          # a readable value is no fact worth keeping: 80% of all cells, never matched
        allowed = ""
        if check == "vocab":
            allowed = ", ".join(sorted(set(vocab.VOCABULARIES[col.kind.split(":", 1)[1]].values())))
        reason = {
            "number": bi("tersimpan sebagai angka sehingga digit terakhirnya tidak dapat dipercaya",
                          "stored as a number, so its last digits cannot be trusted"),
            "invalid": bi("bukan NIP PNS atau PPPK 18 digit yang sah", "not a valid 18-digit PNS or PPPK NIP"),
        }.get(status, "") if check == "nip" else ""
        self.emit("cell", sheet_kind, row, letter, {"check": check, "status": status},
                  nip=nip if check != "nip" else _t(raw), name=name, pokja=pokja, value=f"{col.field}:{_t(raw)}",
                  params={"p_raw": _t(raw), "p_column_label": col.label, "p_allowed": allowed, "p_reason": reason})

    def structure_facts(self):
        rank = stage_rank(self.stage)
        for p in self.lu.problems:
            if stage_rank(p.required_from) > rank:
                continue
            info = self.ctx.sheets.get(_kind_of_label(p.sheet)) if p.sheet else None
            sheet = info.name if info else p.sheet
            self.emit("structure", None, p.row if p.code == "column_missing" else None, None,
                      {"problem": p.code}, sheet=sheet, value=f"{p.code}:{p.sheet}:{p.column}",
                      params={"p_sheet_label": p.sheet or "-", "p_column_label": p.column or "-",
                              "p_detail": _structure_detail(p.code, p.sheet, p.column, _aliases(p), p.detail),
                              "p_aliases": _aliases(p), "p_consequence": _PARTIAL})
        # Columns required only when some row needs them (input-format.md, "Matching and comparing").
        outsiders = [m for m in self.members if m["is_member"] and m["outsider"]]
        same_inst = [m for m in outsiders if not m["other_instansi"]]
        anggota = self.ctx.sheets.get("anggota")
        if anggota is None:
            return
        needs = [("jenis_jabatan", "Jenis Jabatan", "rancangan", outsiders),
                 ("nomor_persetujuan_pimpinan", "Nomor Persetujuan Pimpinan", "penetapan", outsiders),
                 ("tanggal_rekomendasi_penilaian", "Tanggal Rekomendasi Penilaian", "evaluasi", same_inst)]
        for fld, label, frm, rows in needs:
            if rows and fld not in anggota.columns and stage_rank(frm) <= rank:
                self.emit("structure", None, anggota.header_row, None, {"problem": "column_missing"},
                          sheet=anggota.name, value=f"column_missing:Anggota Pokja:{label}",
                          params={"p_sheet_label": "Anggota Pokja", "p_column_label": label,
                                  "p_detail": _structure_detail("column_missing", anggota.name, label,
                                                                _aliases_of("anggota", fld), ""),
                                  "p_aliases": _aliases_of("anggota", fld), "p_consequence": _PARTIAL})


_FORMULA_REASON = {
    "error": bi("rumus menghasilkan galat", "the formula gives an error"),
    "no_cached_value": bi("rumus tanpa nilai tersimpan (berkas terakhir disimpan oleh program selain Excel)",
                           "a formula with no stored value (the file was last saved by a program other than Excel)"),
}


def _field_at(table, letter):
    return next((f for f, c in table.columns.items() if c == letter), None)


def _label_of(kind, fld):
    spec = schema.SHEETS_BY_KIND.get(kind)
    return next((c.label for c in spec.columns if c.field == fld), fld) if spec else fld


_PARTIAL = bi(" Pemeriksaan yang memerlukannya tidak dijalankan untuk unit ini; aturan lain tetap diperiksa.",
              " The checks that need it are not run for this unit; the other rules are still checked.")


def _structure_detail(code, sheet, column, aliases, detail):
    """The sentence a D05 finding opens with, in both languages."""
    also = (f" (nama lain yang diterima: {aliases})", f" (accepted other names: {aliases})") if aliases != "-" else ("", "")
    if code == "sheet_missing":
        return bi(f"Sheet wajib “{sheet}” tidak ditemukan{also[0]}.", f"The required sheet “{sheet}” was not found{also[1]}.")
    if code == "column_missing":
        return bi(f"Kolom wajib “{column}” tidak ditemukan pada baris judul sheet {sheet}{also[0]}.",
                   f"The required column “{column}” was not found in the header row of sheet {sheet}{also[1]}.")
    return detail or "-"


def _codes(v) -> list:
    if isinstance(v, (list, tuple)):
        return [c for c in v if c]
    return [_t(v)] if _t(v) else []


def _check_of(kind: str) -> str | None:
    if kind == "nip":
        return "nip"
    if kind == "date":
        return "date"
    if kind == "year":
        return "year"
    if kind.startswith("vocab:"):
        return "vocab"
    return None


def _kind_of_label(label):
    for spec in schema.SHEETS:
        if spec.label == label or spec.kind == label:
            return spec.kind
    return None


def _aliases_of(kind, fld):
    for spec in schema.SHEETS:
        if spec.kind == kind:
            for c in spec.columns:
                if c.field == fld:
                    return ", ".join(c.aliases) or "-"
    return "-"


def _aliases(p):
    kind = _kind_of_label(p.sheet)
    if p.code == "column_missing" and kind and p.field:
        return _aliases_of(kind, p.field)
    if p.code == "sheet_missing" and kind:
        for spec in schema.SHEETS:
            if spec.kind == kind:
                return ", ".join(spec.aliases) or "-"
    return "-"
