"""User-facing texts of the program itself (rule texts live in rules/*.yaml)."""
from __future__ import annotations

import os
import sys


TEXTS = {
    # command line help
    "app.help": ("Pemeriksa kepatuhan Pokja terhadap Permenko Perekonomian Nomor 1 Tahun 2025 "
                 "tentang Mekanisme Kerja.",
                 "Checks Pokja workbooks against Permenko Perekonomian Nomor 1 Tahun 2025 on the work mechanism."),
    "check.help": ("Memeriksa workbook unit (berkas .xlsx/.xlsm atau folder) dan menulis workbook temuan.",
                   "Checks unit workbooks (.xlsx/.xlsm files or folders) and writes a findings workbook."),
    "rules.help": ("Menampilkan daftar aturan: ID, slug, tingkat, tahap, dasar hukum.",
                   "Lists every rule: ID, slug, severity, stages, legal basis."),
    "explain.help": ("Menampilkan dokumentasi satu aturan.", "Prints one rule's documentation."),
    "opt.output": ("Berkas workbook temuan (bawaan: temuan-YYYYMMDD-HHMMSS.xlsx di folder ini).",
                   "Findings workbook (default: temuan-YYYYMMDD-HHMMSS.xlsx in this folder)."),
    "opt.tahap": ("Tahap pemeriksaan: rancangan, penetapan (bawaan) atau evaluasi.",
                  "Stage: rancangan (draft), penetapan (set, default) or evaluasi (year-end)."),
    "opt.roster": ("Daftar pegawai induk (ekspor SIASN) untuk pemeriksaan lintas unit.",
                   "Master roster (SIASN export) for cross-unit checks."),
    "opt.json": ("Tulis temuan sebagai JSON ke BERKAS ('-' untuk layar).", "Write findings as JSON to FILE ('-' for stdout)."),
    "opt.lang": ("Bahasa keluaran: id (bawaan) atau en.", "Output language: id (default) or en."),
    "opt.fail_on": ("Tingkat temuan terendah yang membuat kode keluar 1 (bawaan: error).",
                    "Lowest finding severity that makes the exit code 1 (default: error)."),
    "opt.rules": ("Folder basis aturan lain dengan format yang sama.", "Another rule-base folder in the same format."),
    "opt.engine": ("Mesin aturan: durable (bawaan bila terpasang) atau pandas.",
                   "Rule engine: durable (default where installed) or pandas."),
    "opt.quiet": ("Tanpa tampilan kemajuan dan ringkasan.", "No progress display and no summary."),
    "opt.debug": ("Tampilkan traceback untuk kesalahan internal.", "Show tracebacks for internal errors."),
    "opt.format": ("Format daftar: text (bawaan) atau markdown.", "Listing format: text (default) or markdown."),
    "opt.coverage": ("Tampilkan cakupan peraturan: setiap butir normatif Pasal 2 dan Lampiran BAB II dengan aturan "
                     "yang menegakkannya.",
                     "Show the regulation's coverage: every normative point of Pasal 2 and Lampiran BAB II with the "
                     "rules enforcing it."),
    "progress.line": ("Membaca berkas {done}/{total}, berjalan {elapsed}, perkiraan sisa {left}   ",
                      "Reading files {done}/{total}, elapsed {elapsed}, about {left} left   "),
    "opt.jobs": ("Jumlah proses pembaca paralel (bawaan: jumlah inti prosesor).",
                 "Number of parallel reader processes (default: the number of processor cores)."),
    "opt.max_memory": ("Batas memori untuk membaca satu berkas, dalam MB (0 = tanpa batas).",
                       "Memory limit for reading one file, in MB (0 = no limit)."),
    "opt.timeout": ("Batas waktu membaca satu berkas, dalam detik (0 = tanpa batas).",
                    "Time limit for reading one file, in seconds (0 = no limit)."),
    "template.help": ("Menulis workbook unit kosong untuk diisi, lengkap dengan petunjuk dan daftar pilihan.",
                      "Writes a blank unit workbook to fill in, with instructions and drop-down lists."),
    "opt.template_output": ("Nama berkas templat.", "Template file name."),
    "opt.unit_code": ("Isi Kode Unit pada sheet Unit (mis. D1.AS1).", "Prefill the Kode Unit on the Unit sheet (e.g. D1.AS1)."),
    "opt.tahun": ("Isi Tahun Kinerja pada sheet Unit (mis. 2025).", "Prefill the Tahun Kinerja on the Unit sheet (e.g. 2025)."),
    "opt.force": ("Timpa berkas yang sudah ada.", "Overwrite an existing file."),
    "opt.annotate": ("Tulis juga salinan setiap workbook dengan sel bermasalah diwarnai dan diberi komentar "
                     "(<nama>.diperiksa.xlsx di sebelah aslinya).",
                     "Also write a copy of each workbook with the offending cells filled and commented "
                     "(<name>.diperiksa.xlsx beside the original)."),
    "opt.compare": ("Bandingkan dengan JSON temuan pemeriksaan sebelumnya: temuan baru, tetap, selesai.",
                    "Compare with the JSON findings of an earlier run: new, still open, resolved."),
    "opt.waivers": ("Workbook temuan sebelumnya yang kolom pengecualiannya (Tanggapan, Alasan, Disetujui oleh, "
                    "Berlaku sampai) telah diisi.",
                    "An earlier findings workbook whose waiver columns (Response, Reason, Approved by, Valid until) "
                    "were filled in."),
    "template.written": ("Templat ditulis ke: {path}", "Template written to: {path}"),
    "sum.annotated": ("Salinan beranotasi: {path}", "Annotated copy: {path}"),
    # messages
    "err.no_input": ("Tidak ada workbook yang dapat diperiksa pada: {paths}. Berikan berkas .xlsx/.xlsm atau folder yang berisi berkas tersebut.",
                     "No workbook to check in: {paths}. Give .xlsx/.xlsm files or folders holding them."),
    "err.not_found": ("Berkas atau folder tidak ditemukan: {path}", "File or folder not found: {path}"),
    "err.output_is_input": ("Berkas keluaran {path} adalah salah satu berkas masukan; pilih nama lain dengan -o.",
                            "The output file {path} is one of the inputs; choose another name with -o."),
    "err.output_unwritable": ("Berkas keluaran {path} tidak dapat ditulis: {detail}",
                              "Cannot write the output file {path}: {detail}"),
    "err.rulebase": ("Basis aturan tidak sah: {detail}", "Invalid rule base: {detail}"),
    "err.engine": ("Mesin aturan tidak dapat dipakai: {detail}", "The rule engine cannot be used: {detail}"),
    "err.internal": ("Kesalahan internal cek-pokja: {detail}\nMohon laporkan ke tim pengembang cek-pokja (Biro Hukum dan Organisasi) "
                     "beserta perintah yang dijalankan; jalankan ulang dengan --debug untuk rincian teknis.",
                     "Internal error in cek-pokja: {detail}\nPlease report it to the cek-pokja developers (Biro Hukum dan Organisasi) "
                     "with the command you ran; run again with --debug for technical details."),
    "err.unknown_rule": ("Aturan {rule} tidak ada. Lihat daftar dengan: cek-pokja rules",
                         "There is no rule {rule}. See the list with: cek-pokja rules"),
    "finding.hidden_sheet": ("(Sheet {sheet} tersembunyi: tampilkan dengan klik kanan pada tab sheet > Unhide.)",
                             "(Sheet {sheet} is hidden: show it by right-clicking a sheet tab > Unhide.)"),
    # summary
    "sum.title": ("Hasil pemeriksaan cek-pokja (tahap {stage}, mesin {engine})",
                  "cek-pokja results (stage {stage}, engine {engine})"),
    "sum.counts": ("{units} unit diperiksa dari {files} berkas; {unreadable} berkas tidak terbaca.",
                   "{units} units checked from {files} files; {unreadable} files unreadable."),
    "sum.findings": ("Temuan: {error} pelanggaran, {warning} peringatan, {info} catatan.",
                     "Findings: {error} errors, {warning} warnings, {info} notes."),
    "sum.unit": ("  {unit:<12} {status:<12} {error:>3} pelanggaran, {warning:>3} peringatan",
                 "  {unit:<12} {status:<14} {error:>3} errors, {warning:>3} warnings"),
    "sum.not_submitted": ("{n} unit pada roster induk tidak menyampaikan workbook: {units}.",
                          "{n} units of the master roster submitted no workbook: {units}."),
    "sum.compliant": ("Patuh", "Compliant"),
    "sum.noncompliant": ("Tidak Patuh", "Not compliant"),
    "sum.written": ("Workbook temuan ditulis ke: {path}", "Findings workbook written to: {path}"),
    "rules.header": ("ID   Tingkat     Tahap  Slug, nama aturan [dasar hukum]", "ID   Severity    Stages Slug, rule name [legal basis]"),
    "sev.error": ("pelanggaran", "error"),
    "sev.warning": ("peringatan", "warning"),
    "sev.info": ("catatan", "info"),
}


def _merge():
    from checker.texts import facts
    for table in (facts.TEXTS,):
        clash = set(table) & set(TEXTS)
        if clash:
            raise ValueError(f"text keys defined twice: {sorted(clash)}")
        TEXTS.update(table)


_merge()


def t(key: str, lang: str = "id", **kw) -> str:
    pair = TEXTS.get(key)
    text = key if pair is None else pair[0 if lang != "en" else 1]
    return text.format(**kw) if kw else text


def both(key: str, **kw) -> dict:
    """A text in both languages (a fact carries it; the finding picks the run's language)."""
    return {lang: t(key, lang, **kw) for lang in ("id", "en")}


def lang_from_argv(argv=None) -> str:
    """The language for help texts, read before click parses anything."""
    argv = sys.argv[1:] if argv is None else argv
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "id"
        if a.startswith("--lang="):
            return "en" if a.split("=", 1)[1] == "en" else "id"
    return "en" if os.environ.get("CEK_POKJA_LANG") == "en" else "id"


def bi(id_text: str, en_text: str) -> dict:
    """A text in both languages, chosen when a finding is written (findings.render)."""
    return {"id": id_text, "en": en_text}


class UserError(Exception):
    """A failure the user can fix; subclasses set ERRORS = {key: (id, en)} with {path}/{detail}."""
    ERRORS: dict = {}

    def __init__(self, key: str, path: str, detail: str = ""):
        super().__init__(self.ERRORS[key][1].format(path=path, detail=detail))
        self.key, self.path, self.detail = key, path, detail

    def message(self, lang: str = "id") -> str:
        return self.ERRORS[self.key][1 if lang == "en" else 0].format(path=self.path, detail=self.detail)
