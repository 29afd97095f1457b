"""cek-pokja: checks Pokja workbooks against Permenko Perekonomian Nomor 1 Tahun 2025."""
__version__ = "0.1.0"
