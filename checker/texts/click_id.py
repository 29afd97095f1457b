"""Indonesian for click's own texts (usage errors, help headings), which click writes through
gettext without shipping translations: each click module's `_`/`ngettext` is pointed at this
table, and its type names (TYPE_NAMES) are renamed, when the user's language is Indonesian."""
from __future__ import annotations

ID = {
    "Usage:": "Penggunaan:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Show this message and exit.": "Tampilkan pesan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Error: {message}": "Kesalahan: {message}",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "No such option {name!r}.": "Opsi {name!r} tidak dikenal.",
    "No such option: {name}": "Opsi tidak dikenal: {name}",
    "No such command {name!r}.": "Perintah {name!r} tidak dikenal.",
    "Missing command.": "Perintah belum diberikan.",
    "Missing argument": "Argumen belum diberikan",
    "Missing option": "Opsi belum diberikan",
    "Missing parameter": "Parameter belum diberikan",
    "Missing {param_type}": "{param_type} belum diberikan",
    "Missing parameter: {param_name}": "Parameter belum diberikan: {param_name}",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} tidak berada dalam rentang {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulis.",
    "file": "berkas",
    "directory": "folder",
    "path": "jalur",
    "default: {default}": "bawaan: {default}",
    "Aborted!": "Dibatalkan!",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "Got unexpected extra argument ({args})": "Ada argumen tambahan yang tidak diharapkan ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen tambahan yang tidak diharapkan ({args})",
    "Did you mean {possibility}?": "Mungkin maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mungkin maksud Anda salah satu dari: {possibilities}?)",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan satu nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} is not a valid UUID.": "{value!r} bukan UUID yang sah.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} tidak dapat dijalankan.",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
    "{value!r} does not match the format {format}.": "{value!r} tidak sesuai dengan format {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} tidak sesuai dengan format {formats}.",
    "required": "wajib",
    "env var: {var}": "variabel lingkungan: {var}",
}


def _gettext(message: str) -> str:
    return ID.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


# click's type names: said in its "'x' is not a valid integer." and, upper-cased, the metavar of
# an option without one of its own
TYPE_NAMES = {"StringParamType": "teks", "UnprocessedParamType": "teks", "IntParamType": "bilangan bulat",
              "IntRange": "bilangan bulat", "FloatParamType": "angka", "FloatRange": "angka",
              "BoolParamType": "ya/tidak", "DateTime": "tanggal-waktu", "File": "berkas"}


def install() -> None:
    import importlib

    import click.types
    for cls, name in TYPE_NAMES.items():
        getattr(click.types, cls).name = name
    for name in ("core", "exceptions", "parser", "types", "decorators", "formatting", "termui"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext
