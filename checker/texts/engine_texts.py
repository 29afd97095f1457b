"""Texts of a rule engine that cannot evaluate the rules (EngineError, checker/engines/), shown
after "The rule engine cannot be used: ". durable-rules' own words ({detail}, a fact's JSON)
stay as it gave them."""
from __future__ import annotations

TEXTS = {
    "engine.unknown": ("mesin aturan {engine} tidak dikenal; pilih salah satu dari {engines}",
                       "unknown engine {engine}; choose one of {engines}"),
    "engine.unavailable": ("mesin durable tidak tersedia (durable-rules tidak terpasang atau tidak dapat dimuat pada "
                           "Python ini; durable-rules tidak mendukung Python 3.13 ke atas): gunakan --engine pandas",
                           "the durable engine is not available (durable-rules is not installed or cannot be loaded "
                           "on this Python; it does not support Python 3.13+): use --engine pandas"),
    "engine.not_loaded": ("durable-rules tidak tersedia: {detail}", "durable-rules is not available: {detail}"),
    "engine.duplicate_ids": ("ID aturan harus unik", "rule ids must be unique"),
    "engine.not_json": ("kondisi suatu aturan bukan JSON: {detail}", "a rule condition is not JSON: {detail}"),
    "engine.reserved_kind": ("jenis fakta {kind} dicadangkan", "fact kind {kind} is reserved"),
    "engine.reserved_fields": ("jenis fakta {kind}: nama field {fields} dicadangkan oleh durable-rules",
                               "fact kind {kind}: field name(s) {fields} are reserved by durable-rules"),
    "engine.too_many_keys": ("jenis fakta {kind}: {n} kunci per fakta; durable-rules memerlukan kurang dari {max}",
                             "fact kind {kind}: {n} keys per fact; durable-rules needs fewer than {max}"),
    "engine.infinite": ("nilai tak hingga {value} tidak dapat diberikan kepada durable-rules",
                        "infinite value {value} cannot be given to durable-rules"),
    "engine.unsupported_value": ("nilai {value} ({type}) pada field kondisi tidak didukung",
                                 "unsupported value {value} ({type}) in a condition field"),
    "engine.compared_with_text": ("{kind} baris {row}: field {field} berisi {value}, tetapi aturan membandingkannya "
                                  "dengan teks",
                                  "{kind} row {row}: field {field} holds {value} but the rules compare it with text"),
    "engine.compared_with_numbers": ("{kind} baris {row}: field {field} berisi {value}, tetapi aturan "
                                     "membandingkannya dengan angka",
                                     "{kind} row {row}: field {field} holds {value} but the rules compare it with "
                                     "numbers"),
    "engine.no_unique_id": ("tidak ditemukan ID durable-rules dengan hash yang unik",
                            "could not find a hash-unique durable-rules id"),
    "engine.ruleset_refused": ("durable-rules menolak kumpulan aturan: {detail}",
                               "durable-rules refused the rule set: {detail}"),
    "engine.no_action": ("durable-rules tidak menyelesaikan satu aksi pun untuk sid {sid}",
                         "durable-rules completed no action for sid {sid}"),
    "engine.unit_failed": ("durable-rules gagal pada unit {seq}: {detail}",
                           "durable-rules failed on unit {seq}: {detail}"),
    "engine.delete_failed": ("durable-rules tidak dapat menghapus sid {sid}: {detail}",
                             "durable-rules could not delete sid {sid}: {detail}"),
    "engine.not_serialisable": ("fakta {id} tidak dapat diserialisasi: {detail}",
                                "fact {id} cannot be serialised: {detail}"),
    "engine.fact_refused": ("durable-rules menolak fakta {fact}: {detail}",
                            "durable-rules refused fact {fact}: {detail}"),
    "engine.id_collision": ("durable-rules menyatakan fakta {fact} sudah pernah diamati (tabrakan hash ID)",
                            "durable-rules already observed (id hash collision) for fact {fact}"),
    "engine.assert_code": ("durable-rules mengembalikan kode {code} untuk fakta {fact}",
                           "durable-rules returned code {code} for fact {fact}"),
    "engine.unexpected_action": ("aksi durable-rules yang tidak terduga {messages}",
                                 "unexpected durable-rules action {messages}"),
    "engine.other_sid": ("durable-rules mengembalikan fakta dari sid lain: {messages}",
                         "durable-rules returned a fact of another sid: {messages}"),
    "engine.unknown_fact": ("durable-rules mengembalikan fakta yang tidak dikenal: {messages}",
                            "durable-rules returned an unknown fact: {messages}"),
}
